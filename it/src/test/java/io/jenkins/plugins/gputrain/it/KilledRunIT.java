package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code gpu-train run} killed while its command runs (SIGTERM, as a CI job's cancel sends it, or SIGINT, Ctrl-C):
 * the JVM's shutdown interrupts the run, which deletes its pod before the process exits with the signal's code
 * (128 + its number) and one line saying so; no pod of the run is left on the real control plane.
 */
@ExtendWith(Testbed.class)
class KilledRunIT {
    /** The command waits on this FIFO in the exec directory, so that the test knows when it runs. */
    private static final String TRAIN = "#!/bin/sh\necho epoch 1\nread line < stop\nexit 0\n";

    private Sandbox sandbox;
    private GpuTrainCli cli;
    private Path stop;
    private OutputStream command;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeEach
    void createSandbox(Testbed testbed) throws Exception {
        sandbox = Sandbox.create(testbed, "killed");
        cli = new GpuTrainCli(testbed);
        sandbox.nodes(FakeNode.named(sandbox.namespace() + "-gpu")
                .label("gpu", "true")
                .gpus(1));
        stop = sandbox.execDirectory().resolve("stop");
        assertThat(new ProcessBuilder("mkfifo", stop.toString()).start().waitFor())
                .isZero();
    }

    @AfterEach
    void closeSandbox() throws IOException {
        if (command != null) {
            // kwok runs the command as a local process that outlives the pod: the FIFO's end ends it
            command.close();
        }
        pool.shutdownNow();
        sandbox.awaitNoPods();
        sandbox.close();
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void aKilledRunDeletesItsPodAndExitsWithTheSignalsCode(String signal, int exitCode, @TempDir Path directory)
            throws Exception {
        Path files = Files.createDirectories(directory.resolve("project"));
        Files.writeString(files.resolve("train.sh"), TRAIN);
        assertThat(files.resolve("train.sh").toFile().setExecutable(true)).isTrue();
        Path project = TrainingProject.create(files, "./train.sh");
        GpuTrainCli.Started run = cli.start(
                project,
                TrainingRun.onGpuNodes(sandbox, "1-2000+t4*1")
                        .option("--pending-timeout", "3m")
                        .command("./train.sh"));

        Pod running = sandbox
                .client()
                .pods()
                .inNamespace(sandbox.namespace())
                .informOnCondition(pods -> pods.stream()
                        .anyMatch(pod -> pod.getStatus() != null
                                && "Running".equals(pod.getStatus().getPhase())))
                .get(3, TimeUnit.MINUTES)
                .stream()
                .filter(pod -> "Running".equals(pod.getStatus().getPhase()))
                .findFirst()
                .orElseThrow();
        String runId = running.getMetadata().getLabels().get(TrainingPodFactory.RUN_ID_LABEL);
        // the command opens the FIFO for reading: the open for writing returns once it runs
        command = pool.submit(() -> Files.newOutputStream(stop)).get(3, TimeUnit.MINUTES);
        Process kill = new ProcessBuilder(
                        "kill", "-s", signal, Long.toString(run.process().pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();

        GpuTrainCli.Result result = run.finish(2);

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(exitCode);
        assertThat(result.err()
                        .lines()
                        .filter(line -> line.startsWith("ERROR: "))
                        .toList())
                .as(result.transcript())
                .containsExactly("ERROR: gpu-train run was stopped by a signal (SIGTERM: exit code 143; SIGINT or"
                        + " Ctrl-C: 130); its pod was deleted first, as told above");
        assertThat(result.err())
                .as(result.transcript())
                .containsPattern("\\[gpu-train\\] deleted pod \\S*"
                        + running.getMetadata().getName());
        assertThat(sandbox.client()
                        .pods()
                        .inNamespace(sandbox.namespace())
                        .withLabel(TrainingPodFactory.RUN_ID_LABEL, runId)
                        .list()
                        .getItems())
                .as("the run's pods when gpu-train exited: deleted, or going with their grace period")
                .allMatch(pod -> pod.getMetadata().getDeletionTimestamp() != null);
        sandbox.awaitNoPods();
        assertThat(sandbox.client()
                        .secrets()
                        .inNamespace(sandbox.namespace())
                        .withLabel(TrainingPodFactory.RUN_ID_LABEL, runId)
                        .list()
                        .getItems())
                .as("no Secret of the run")
                .isEmpty();
        try (OutputStream out = command) {
            out.write("stopped\n".getBytes(StandardCharsets.UTF_8));
        }
        command = null;
    }
}
