package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detached command's scripts, run locally in a working directory (as kwok's exec simulation runs them): the start
 * returns while the command goes on, holding none of its stream; a follow streams the output from any byte offset
 * and exits with the command's code once it ends; a second start starts nothing; a TERM to every process
 * reaches the command and the code recorded is the command's own; a silent follow sends keepalive bytes on standard
 * error only; a follow of a command never started ends; a follow of a command whose shell was killed ends with
 * {@link DetachedCommand#SHELL_GONE} once the output is sent; the state exec tells a running command, an ended one
 * with its code, a gone one and a missing one apart. Under busybox (1.35, whose {@code tail -c +N} and {@code wc -c}
 * read every byte), a follow from an offset near the end of a 1 TiB sparse file and the state of it come at once:
 * neither reads what came before. A command that waits does so for a file the test creates, never for time.
 */
class DetachedCommandTest {
    private static final String DIR = DetachedCommand.directory("t");

    /** How long a follow waits for the shell's PID: a started shell writes it at once. */
    private static final Duration PID_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path workspace;

    @TempDir
    Path scratch;

    @Test
    void theStartReturnsWhileTheCommandGoesOnAndAFollowStreamsItFromAnyOffset() throws Exception {
        Ended start = run(DetachedCommand.start(
                DIR, List.of("sh", "-c", "echo one; while [ ! -e go ]; do sleep 0.1; done; echo two >&2; exit 3")));
        assertThat(start.code()).isZero();
        assertThat(Files.exists(workspace.resolve(DIR).resolve(DetachedCommand.EXIT)))
                .isFalse();

        Files.createFile(workspace.resolve("go"));
        Ended all = run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));
        Ended rest = run(DetachedCommand.follow(DIR, 4, Duration.ofSeconds(60), PID_WAIT));

        assertThat(all.code()).isEqualTo(3);
        assertThat(all.stdout()).isEqualTo("one\ntwo\n");
        assertThat(all.stderr()).isEmpty();
        assertThat(rest.code()).isEqualTo(3);
        assertThat(rest.stdout()).isEqualTo("two\n");
    }

    @Test
    void theArgumentsPassAsTheyAre() throws Exception {
        run(DetachedCommand.start(DIR, List.of("sh", "-c", "printf '%s|' \"$@\"", "x", "a b", "$(id)", "'q'", "")));

        Ended follow = run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));

        assertThat(follow.code()).isZero();
        assertThat(follow.stdout()).isEqualTo("a b|$(id)|'q'||");
    }

    @Test
    void aSecondStartStartsNothing() throws Exception {
        List<String> start = DetachedCommand.start(DIR, List.of("sh", "-c", "echo started >> starts"));

        assertThat(run(start).code()).isZero();
        assertThat(run(start).code()).isZero();
        run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));

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
        Process follow = process(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));
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
        Process follow = process(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(1), PID_WAIT));

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
        Ended follow = run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));

        assertThat(follow.code()).isEqualTo(DetachedCommand.NEVER_STARTED);
        assertThat(follow.stderr()).isEqualTo("gpu-train: " + DIR + " is missing: the command was never started\n");
    }

    @Test
    void aFollowOfACommandWhoseProcessGroupWasKilledEndsOnceItsOutputIsSent() throws Exception {
        run(DetachedCommand.start(DIR, List.of("sh", "-c", "echo one; while [ ! -e go ]; do sleep 0.1; done")));
        Process follow = process(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));
        InputStream output = follow.getInputStream();
        assertThat(new String(output.readNBytes("one\n".length()), StandardCharsets.UTF_8))
                .isEqualTo("one\n");
        assertThat(run(DetachedCommand.state(DIR)).stdout()).isEqualTo("running 4\n");

        // the shell wrote its PID before it ran the command, which printed "one"; under setsid it leads the group
        ProcessHandle shell = ProcessHandle.of(pid()).orElseThrow();
        // the shell first, so that it records no exit code for the command
        List<ProcessHandle> group = new ArrayList<>(List.of(shell));
        group.addAll(shell.descendants().toList());
        group.forEach(ProcessHandle::destroyForcibly);

        try {
            assertThat(follow.waitFor(30, TimeUnit.SECONDS))
                    .as("the follow ends once the group is gone")
                    .isTrue();
            assertThat(follow.exitValue()).isEqualTo(DetachedCommand.SHELL_GONE);
            assertThat(output.readAllBytes()).isEmpty();
            assertThat(run(DetachedCommand.state(DIR)).stdout()).isEqualTo("gone 4\n");
        } finally {
            Files.createFile(workspace.resolve("go"));
        }
    }

    @Test
    void aCommandWhoseShellWasKilledIsFollowedUntilItsProcessGroupIsGone() throws Exception {
        run(DetachedCommand.start(
                DIR, List.of("sh", "-c", "echo one; while [ ! -e go ]; do sleep 0.1; done; echo two")));
        Process follow = process(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));
        InputStream output = follow.getInputStream();
        assertThat(new String(output.readNBytes("one\n".length()), StandardCharsets.UTF_8))
                .isEqualTo("one\n");

        ProcessHandle shell = ProcessHandle.of(pid()).orElseThrow();
        assertThat(shell.destroyForcibly()).isTrue();
        shell.onExit().get(30, TimeUnit.SECONDS);
        assertThat(run(DetachedCommand.state(DIR)).stdout())
                .as("the command goes on in the group")
                .isEqualTo("running 4\n");
        Files.createFile(workspace.resolve("go"));

        assertThat(follow.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(output.readAllBytes(), StandardCharsets.UTF_8))
                .as("what it printed after its shell was killed")
                .isEqualTo("two\n");
        assertThat(follow.exitValue()).isEqualTo(DetachedCommand.SHELL_GONE);
    }

    @Test
    void aGroupLeftWithOnlyAZombieIsGone() throws Exception {
        // a session leader that prints its PID and exits, a zombie its parent (exec'd into sleep) never reaps
        Process parent = new ProcessBuilder("sh", "-c", "setsid sh -c 'echo $$' & exec sleep 60 >/dev/null 2>&1")
                .directory(workspace.toFile())
                .start();
        try {
            // all of its output: it has closed its files, so it is exiting
            String leader = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            Path stat = Path.of("/proc", leader, "stat");
            Instant deadline = Instant.now().plusSeconds(30);
            while (!Files.readString(stat).matches("\\d+ \\(.*\\) Z .*\\s*")) {
                assertThat(Instant.now()).as("the leader is a zombie").isBefore(deadline);
                Thread.onSpinWait();
            }
            Path directory = Files.createDirectories(workspace.resolve(DIR));
            Files.writeString(directory.resolve(DetachedCommand.PID), leader + "\n");

            assertThat(run(DetachedCommand.state(DIR)).stdout()).isEqualTo("gone 0\n");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aShellThatHasNotWrittenItsPidIsStartingAndTheFollowGivesUpWhenItsTimeIsUp() throws Exception {
        Path directory = Files.createDirectories(workspace.resolve(DIR));
        Files.writeString(directory.resolve(DetachedCommand.OUTPUT), "");

        Process follow = process(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), Duration.ZERO));
        try {
            assertThat(follow.waitFor(30, TimeUnit.SECONDS))
                    .as("no time left: it gives up")
                    .isTrue();
            assertThat(follow.exitValue()).isEqualTo(DetachedCommand.NO_PID);
            assertThat(follow.getErrorStream().readAllBytes()).isEmpty();
        } finally {
            follow.destroyForcibly();
        }
        assertThat(run(DetachedCommand.state(DIR)).stdout()).isEqualTo("starting 0\n");
    }

    @Test
    void theShellsOwnLineForACommandKilledBySignalIsNotTheCommandsOutput() throws Exception {
        run(DetachedCommand.start(DIR, List.of("sh", "-c", "echo before; kill -9 $$")));

        Ended follow = run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));

        assertThat(follow.code()).isEqualTo(137);
        assertThat(follow.stdout()).as("no 'Killed' from the shell that ran it").isEqualTo("before\n");
    }

    @Test
    void aCommandThatCannotBeRunSaysWhyInItsOutput() throws Exception {
        run(DetachedCommand.start(DIR, List.of("gpu-train-no-such-command")));

        Ended follow = run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));

        assertThat(follow.code()).isEqualTo(127);
        assertThat(follow.stdout()).contains("gpu-train-no-such-command").contains("not found");
    }

    @Test
    void theStateTellsAnEndedCommandWithItsCodeAndAMissingOne() throws Exception {
        assertThat(run(DetachedCommand.state(DIR)).stdout()).isEqualTo("missing\n");
        run(DetachedCommand.start(DIR, List.of("sh", "-c", "echo done; exit 7")));
        run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));

        Ended state = run(DetachedCommand.state(DIR));

        assertThat(state.stdout()).isEqualTo("ended 7 5\n");
        assertThat(CommandState.parse(state.stdout())).contains(new CommandState(CommandState.Kind.ENDED, 7, 5));
        assertThat(state.stderr()).isEmpty();
    }

    @Test
    void theCleanRemovesTheCommandsDirectory() throws Exception {
        run(DetachedCommand.start(DIR, List.of("true")));
        run(DetachedCommand.follow(DIR, 0, Duration.ofSeconds(60), PID_WAIT));

        assertThat(run(DetachedCommand.clean(DIR)).code()).isZero();

        assertThat(workspace.resolve(DIR)).doesNotExist();
        assertThat(workspace.resolve(DetachedCommand.ROOT)).isEmptyDirectory();
    }

    @Test
    void underBusyboxAFollowNearTheEndOfAHugeOutputReadsNothingBefore(@TempDir Path bin) throws Exception {
        Path output = hugeOutputEndingWith("last line\n");
        long size = Files.size(output);
        busybox(bin, "stat", "wc", "dd", "head", "tail", "cat", "sleep");

        Ended follow =
                run(bin, DetachedCommand.follow(DIR, size - "line\n".length(), Duration.ofSeconds(60), PID_WAIT));
        Ended state = run(bin, DetachedCommand.state(DIR));

        assertThat(follow.stdout()).isEqualTo("line\n");
        assertThat(follow.code()).isZero();
        assertThat(state.stdout()).isEqualTo("ended 0 " + size + "\n");
    }

    @Test
    void withoutStatTheSizeComesFromWc(@TempDir Path bin) throws Exception {
        Path directory = Files.createDirectories(workspace.resolve(DIR));
        Files.writeString(directory.resolve(DetachedCommand.OUTPUT), "one\ntwo\n");
        Files.writeString(directory.resolve(DetachedCommand.EXIT), "0\n");
        busybox(bin, "wc", "dd", "head", "cat", "sleep");

        Ended follow = run(bin, DetachedCommand.follow(DIR, 4, Duration.ofSeconds(60), PID_WAIT));

        assertThat(follow.stdout()).isEqualTo("two\n");
        assertThat(follow.stderr()).isEmpty();
        assertThat(run(bin, DetachedCommand.state(DIR)).stdout()).isEqualTo("ended 0 8\n");
    }

    /** A 1 TiB output file, all of it a hole but its last bytes, of a command that exited 0. */
    private Path hugeOutputEndingWith(String last) throws IOException {
        Path directory = Files.createDirectories(workspace.resolve(DIR));
        Path output = directory.resolve(DetachedCommand.OUTPUT);
        try (RandomAccessFile file = new RandomAccessFile(output.toFile(), "rw")) {
            file.seek(1L << 40);
            file.write(last.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(directory.resolve(DetachedCommand.EXIT), "0\n");
        return output;
    }

    /**
     * Fills {@code bin} with busybox's applets named, and nothing else ({@code busybox sh} itself would run its own
     * applets whatever the path).
     */
    private static void busybox(Path bin, String... applets) throws IOException {
        for (String applet : applets) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("/bin/busybox"));
        }
    }

    /**
     * Runs an exec's script in {@code /bin/sh} with only {@code bin} on the path, to its end or for at most 30 s
     * (reading a huge file would take hours).
     */
    private Ended run(Path bin, List<String> command) throws Exception {
        List<String> words = new ArrayList<>(List.of("/bin/sh"));
        words.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(words).directory(workspace.toFile());
        builder.environment().put("PATH", bin.toString());
        Path out = Files.createTempFile(scratch, "out", "");
        Path err = Files.createTempFile(scratch, "err", "");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("ends without reading the output before its offset")
                    .isTrue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Ended(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The PID the command's shell wrote. */
    private long pid() throws IOException {
        return Long.parseLong(Files.readString(workspace.resolve(DIR).resolve(DetachedCommand.PID))
                .strip());
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
