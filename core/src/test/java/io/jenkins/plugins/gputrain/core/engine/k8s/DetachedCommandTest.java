package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detached command's scripts, run locally in a working directory (as kwok's exec simulation runs them): the start
 * returns while the command goes on, holding none of its stream; a follow streams the output from any byte offset
 * and exits with the command's code once it ends; a second start starts nothing; a TERM to every process
 * reaches the command and the code recorded is the command's own; a silent follow sends keepalive bytes on standard
 * error only; a follow of a command never started ends. A command that waits does so for a file the test creates, never for time.
 */
class DetachedCommandTest {
    private static final String DIR = DetachedCommand.directory("t");

    @TempDir
    Path workspace;

    @Test
    void theStartReturnsWhileTheCommandGoesOnAndAFollowStreamsItFromAnyOffset() throws Exception {
        Ended start = run(DetachedCommand.start(
                DIR, List.of("sh", "-c", "echo one; while [ ! -e go ]; do sleep 0.1; done; echo two >&2; exit 3")));
        assertThat(start.code()).isZero();
        assertThat(Files.exists(workspace.resolve(DIR).resolve(DetachedCommand.EXIT)))
                .isFalse();

        Files.createFile(workspace.resolve("go"));
        Ended all = run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60)));
        Ended rest = run(DetachedCommand.follow(DIR, 4, Duration.ofSeconds(60)));

        assertThat(all.code()).isEqualTo(3);
        assertThat(all.stdout()).isEqualTo("one\ntwo\n");
        assertThat(all.stderr()).isEmpty();
        assertThat(rest.code()).isEqualTo(3);
        assertThat(rest.stdout()).isEqualTo("two\n");
    }

    @Test
    void theArgumentsPassAsTheyAre() throws Exception {
        run(DetachedCommand.start(DIR, List.of("sh", "-c", "printf '%s|' \"$@\"", "x", "a b", "$(id)", "'q'", "")));

        Ended follow = run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60)));

        assertThat(follow.code()).isZero();
        assertThat(follow.stdout()).isEqualTo("a b|$(id)|'q'||");
    }

    @Test
    void aSecondStartStartsNothing() throws Exception {
        List<String> start = DetachedCommand.start(DIR, List.of("sh", "-c", "echo started >> starts"));

        assertThat(run(start).code()).isZero();
        assertThat(run(start).code()).isZero();
        run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60)));

        assertThat(Files.readAllLines(workspace.resolve("starts"))).containsExactly("started");
    }

    @Test
    void aTermToEveryProcessAsOnPodDeletionReachesTheCommandOnceAndItsOwnExitCodeIsReported() throws Exception {
        run(DetachedCommand.start(
                DIR,
                List.of(
                        "sh",
                        "-c",
                        "trap 'echo saved; exit 0' TERM; echo $$ $PPID > pids; echo ready;"
                                + " while :; do sleep 0.1; done")));
        Process follow = process(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60)));
        InputStream output = follow.getInputStream();
        assertThat(new String(output.readNBytes("ready\n".length()), StandardCharsets.UTF_8))
                .isEqualTo("ready\n");

        // what the pod's PID 1 does on deletion (kill -TERM -1): the command, its shell and the follow get TERM
        for (String pid : Files.readString(workspace.resolve("pids")).strip().split(" ")) {
            assertThat(ProcessHandle.of(Long.parseLong(pid)).orElseThrow().destroy())
                    .isTrue();
        }
        assertThat(follow.toHandle().destroy()).isTrue();

        assertThat(follow.waitFor(30, TimeUnit.SECONDS))
                .as("the follow ends once the command's exit code is recorded")
                .isTrue();
        assertThat(new String(output.readAllBytes(), StandardCharsets.UTF_8))
                .as("one TERM reached the command")
                .isEqualTo("saved\n");
        assertThat(follow.exitValue())
                .as("the command's exit code, not the follow's 143")
                .isZero();
    }

    @Test
    void aSilentCommandsFollowSendsKeepaliveBytesOnStandardErrorOnly() throws Exception {
        run(DetachedCommand.start(DIR, List.of("sh", "-c", "while [ ! -e go ]; do sleep 0.1; done; echo done")));
        Process follow = process(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(1)));

        assertThat(follow.getErrorStream().read()).isEqualTo(KeepAlive.BYTE);
        Files.createFile(workspace.resolve("go"));

        assertThat(follow.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(follow.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("done\n");
        assertThat(new String(follow.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .as("only keepalive bytes, if any more")
                .matches("\\x00*");
        assertThat(follow.exitValue()).isZero();
    }

    @Test
    void aFollowOfACommandNeverStartedEndsSayingSo() throws Exception {
        Ended follow = run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60)));

        assertThat(follow.code()).isEqualTo(DetachedCommand.NEVER_STARTED);
        assertThat(follow.stderr()).isEqualTo("gpu-train: " + DIR + " is missing: the command was never started\n");
    }

    private Process process(List<String> command) throws IOException {
        return new ProcessBuilder(command).directory(workspace.toFile()).start();
    }

    /** Runs an exec to its end: all its output read, so a process still holding its stream would hold this too. */
    private Ended run(List<String> command) throws IOException, InterruptedException {
        Process process = process(command);
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ended(process.waitFor(), stdout, stderr);
    }

    private record Ended(int code, String stdout, String stderr) {}
}
