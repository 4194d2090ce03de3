package io.jenkins.plugins.gputrain.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ContainerInit}'s script run for real as PID 1 of a new PID namespace (util-linux {@code unshare --fork --pid
 * --mount-proc}), with the host's {@code sh}, and a "training" entered into that namespace from outside with
 * {@code nsenter}, as the container runtime's exec enters the container (its process is no child of PID 1). The kernel
 * delivers a signal to a namespace's init only when init handles it ({@code kernel/signal.c} sig_task_ignored,
 * {@code SIGNAL_UNKILLABLE}): {@code sleep} as PID 1 ignored the runtime's SIGTERM. Skipped where PID namespaces
 * cannot be created (no {@code CAP_SYS_ADMIN}); waits only on process events, bounded.
 */
class ContainerInitTest {
    /**
     * Waits in the namespace (up to 10 s) until PID 1 catches TERM (bit 15 of SigCgt): before its trap is set, PID 1
     * of a namespace ignores a TERM it has no handler for, so a signal sent earlier would be lost.
     */
    private static final String UNTIL_PID1_CATCHES_TERM = "i=0; until [ $(( 0x$(sed -n"
            + " 's/^SigCgt:[[:space:]]*//p' /proc/1/status) & 0x4000 )) -ne 0 ]; do i=$((i+1)); if [ $i -gt 100 ];"
            + " then echo 'PID 1 does not catch TERM'; exit 1; fi; sleep 0.1; done; ";

    /**
     * Once PID 1 catches TERM, traps TERM itself (saying whether PID 1's marker is there when the TERM comes), starts a {@code sleep} and says so once that sleep runs (up to 10 s).
     * Until its {@code exec}, a forked child still has the shell's TERM handler: a TERM in that window is caught and
     * lost, the sleep lives on as an orphan of PID 1, which rightly waits for it (CI hit this when "ready" was said
     * before the fork).
     */
    private static final String TRAINING = UNTIL_PID1_CATCHES_TERM
            + "trap '[ -e " + ContainerInit.STOPPED_MARKER
            + " ] && echo marked; echo checkpointed; exit 0' TERM; sleep 3600 </dev/null >/dev/null 2>&1 & i=0;"
            + " until [ \"$(head -c 5 /proc/$!/cmdline)\" = sleep ]; do i=$((i+1)); if [ $i -gt 100 ];"
            + " then echo 'the sleep does not run'; exit 1; fi; sleep 0.1; done; echo ready; wait $!";

    private final List<Process> started = new ArrayList<>();

    /** PID 1's and the training's working directory, as the container's working directory is both. */
    @TempDir
    Path workingDirectory;

    @AfterEach
    void killLeftovers() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    @Test
    void sigtermReachesTheExecutedTrainingAndPid1ExitsOnceItIsGone() throws Exception {
        Process init = startInit();
        ProcessHandle pid1 = init.children().findFirst().orElseThrow();
        Process training = start(
                "nsenter",
                "--target",
                String.valueOf(pid1.pid()),
                "--pid",
                "--mount",
                "--wd",
                "--",
                "sh",
                "-c",
                TRAINING);
        BufferedReader trainingOutput = output(training);
        assertThat(trainingOutput.readLine()).isEqualTo("ready");
        assertThat(descriptorsOfTheSleep(pid1))
                .as("PID 1's sleep holds none of its descriptors")
                .containsOnly("/dev/null");

        pid1.destroy();

        assertThat(init.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(init.exitValue()).isEqualTo(143);
        assertThat(training.waitFor(20, TimeUnit.SECONDS)).isTrue();
        // the shell may first report its own sleep's end ("Terminated"): the TERM reached every process
        assertThat(trainingOutput.lines()).contains("marked", "checkpointed");
        assertThat(training.exitValue()).isZero();
        assertThat(workingDirectory.resolve(ContainerInit.STOPPED_MARKER)).exists();
    }

    /** A marker that cannot be written (here a directory of its name) does not keep the TERM from the training. */
    @Test
    void aMarkerThatCannotBeWrittenStillPassesSigtermOn() throws Exception {
        Files.createDirectory(workingDirectory.resolve(ContainerInit.STOPPED_MARKER));
        Process init = startInit();
        ProcessHandle pid1 = init.children().findFirst().orElseThrow();
        Process training = start(
                "nsenter",
                "--target",
                String.valueOf(pid1.pid()),
                "--pid",
                "--mount",
                "--wd",
                "--",
                "sh",
                "-c",
                TRAINING);
        BufferedReader trainingOutput = output(training);
        assertThat(trainingOutput.readLine()).isEqualTo("ready");

        pid1.destroy();

        assertThat(init.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(init.exitValue()).isEqualTo(143);
        assertThat(training.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(trainingOutput.lines()).contains("checkpointed");
    }

    @Test
    void sigtermWithNothingElseRunningEndsPid1AtOnce() throws Exception {
        Process init = startInit();
        ProcessHandle pid1 = init.children().findFirst().orElseThrow();
        Process waiter = start(
                "nsenter",
                "--target",
                String.valueOf(pid1.pid()),
                "--pid",
                "--mount",
                "--",
                "sh",
                "-c",
                UNTIL_PID1_CATCHES_TERM + "echo ready");
        assertThat(output(waiter).readLine()).isEqualTo("ready");
        assertThat(waiter.waitFor(20, TimeUnit.SECONDS)).isTrue();

        pid1.destroy();

        assertThat(init.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(init.exitValue()).isEqualTo(143);
    }

    /** Starts the script as PID 1 once it is PID 1: the first line says so, the {@code exec} keeps the pid. */
    private Process startInit() throws IOException {
        assumeTrue(namespacesAvailable(), "unshare --pid needs CAP_SYS_ADMIN and util-linux");
        List<String> command = new ArrayList<>(
                List.of("unshare", "--fork", "--pid", "--mount-proc", "sh", "-c", "echo started; exec \"$@\"", "init"));
        command.addAll(ContainerInit.COMMAND);
        Process init = start(command.toArray(String[]::new));
        assertThat(output(init).readLine()).isEqualTo("started");
        return init;
    }

    private static List<String> descriptorsOfTheSleep(ProcessHandle pid1) throws IOException {
        ProcessHandle sleep = pid1.children().findFirst().orElseThrow();
        List<String> targets = new ArrayList<>();
        for (int fd = 0; fd <= 2; fd++) {
            targets.add(Files.readSymbolicLink(Path.of("/proc", String.valueOf(sleep.pid()), "fd", String.valueOf(fd)))
                    .toString());
        }
        return targets;
    }

    private static boolean namespacesAvailable() {
        try {
            Process probe = new ProcessBuilder("unshare", "--fork", "--pid", "--mount-proc", "true")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .start();
        started.add(process);
        return process;
    }

    private static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
