package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.pod.ContainerInit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exec after each command that looks for PID 1's TERM-trap marker, over kwok v0.8.0's exec (a local process in the
 * sandbox's directory). kwok runs no container process, so {@code ContainerInit}'s script never runs as PID 1 here
 * ({@code ContainerInitTest} runs it as PID 1 of a PID namespace): the training writes the marker itself, standing in
 * for the trap, on its first attempt. A command that ends with exit code 0 after the marker is there is the stop,
 * retried; the retry, without the marker, is the run's success.
 */
@ExtendWith(Testbed.class)
class StopMarkerIT {
    private Sandbox sandbox;
    private GpuTrainCli cli;

    @BeforeEach
    void createSandbox(Testbed testbed) {
        sandbox = Sandbox.create(testbed, "stop");
        cli = new GpuTrainCli(testbed);
        sandbox.cpuAndGpuNodes();
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    @Test
    void aCommandEndingWellAfterTheTrapsMarkerIsTheStopRetried(@TempDir Path directory) throws Exception {
        Path project = directory.resolve("project");
        Files.createDirectories(project);
        String marker = ContainerInit.STOPPED_MARKER;
        Files.writeString(
                project.resolve("train.sh"),
                "#!/bin/sh\nif [ -e attempted ]; then rm -f " + marker + "; echo second; else touch attempted " + marker
                        + "; echo first; fi\n");
        project.resolve("train.sh").toFile().setExecutable(true);
        Files.writeString(project.resolve("dvc.yaml"), "stages:\n  train:\n    cmd: ./train.sh\n");
        MainCommit.of(project);

        GpuTrainCli.Result result = cli.run(
                project,
                5,
                TrainingRun.onGpuNodes(sandbox, "2-4000+t4*1")
                        .option("--retries", "1")
                        .command("./train.sh"));

        assertThat(result.exitCode()).as(result.transcript()).isZero();
        assertThat(result.err() + result.out())
                .as(result.transcript())
                .contains("The training container was told to stop (SIGTERM) by the time the command ended (its TERM"
                        + " trap left /workspace/" + marker + "): its exit code 0 may be its answer to that signal")
                .contains("retrying with a new pod (1 of 1)")
                .contains("the command exited with code 0");
        sandbox.awaitNoPods();
    }
}
