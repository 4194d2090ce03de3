package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
import io.jenkins.plugins.gputrain.core.dvc.RealDvcExtension;
import io.jenkins.plugins.gputrain.core.engine.DemoProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

class RunAndDemoCommandTest {
    @TempDir
    Path repo;

    @Test
    void localRunStreamsTheCommandKeepsItsExitCodeAndWritesTheReport() throws Exception {
        Files.writeString(repo.resolve("dvc.yaml"), "metrics:\n- m.json\n");
        Files.writeString(repo.resolve("m.json"), "{\"acc\": 0.5}");
        MainCommit.of(repo);

        CliRun run = CliRun.of(
                "run",
                "-C",
                repo.toString(),
                "--executor",
                "local",
                "--",
                "sh",
                "-c",
                "echo training; echo '{\"acc\": 0.75}' > m.json; exit 3");

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.out).isEqualTo("training\n");
        assertThat(run.err)
                .contains(
                        "[gpu-train] running locally on this machine (no Kubernetes pod)",
                        "[gpu-train] the command exited with code 3",
                        "[gpu-train] report: ");
        assertThat(Files.readString(repo.resolve("gpu-train/metrics-diff.json")))
                .isEqualTo("{\"m.json\": {\"acc\": {\"old\": 0.5, \"new\": 0.75, \"diff\": 0.25}}}\n");
    }

    @Test
    void timeoutStopsTheCommandWithExitCode124() throws IOException {
        CliRun run = CliRun.of(
                "run", "-C", repo.toString(), "--executor", "local", "--timeout", "1s", "--", "sh", "-c", "sleep 30");

        assertThat(run.exitCode).isEqualTo(RunCommand.TIMED_OUT);
        assertThat(run.err).contains("ran longer than --timeout 1s and was stopped", "no baseline");
    }

    @Test
    void aMissingKubeconfigIsOneLineNamingTheOption() {
        Path missing = repo.resolve("nope.yaml");
        CliRun run = CliRun.of("run", "-C", repo.toString(), "--kubeconfig", missing.toString(), "--", "dvc", "repro");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err)
                .isEqualTo("ERROR: --kubeconfig '" + missing + "': no such file (expected a kubeconfig file)\n");
    }

    @Test
    void anUnreachableClusterIsOneLineWithoutAStackTraceAndRunsNothing() throws IOException {
        Path kubeconfig = repo.resolve("kubeconfig.yaml");
        Files.writeString(
                kubeconfig,
                """
                apiVersion: v1
                kind: Config
                clusters:
                - name: gone
                  cluster:
                    server: https://127.0.0.1:1
                contexts:
                - name: gone
                  context:
                    cluster: gone
                    namespace: ml
                current-context: gone
                """);
        CliRun run =
                CliRun.of("run", "-C", repo.toString(), "--kubeconfig", kubeconfig.toString(), "--", "touch", "ran");

        assertThat(run.exitCode).isEqualTo(1);
        String origin = "(kubeconfig " + kubeconfig + ", context gone, cluster gone)";
        assertThat(run.err).startsWith("[gpu-train] cluster https://127.0.0.1:1/ " + origin + ", namespace ml\n");
        assertThat(run.err
                        .lines()
                        .filter(l -> l.startsWith(
                                "ERROR: cannot reach the Kubernetes API at https://127.0.0.1:1/ " + origin + ": ")))
                .hasSize(1);
        assertThat(run.err).doesNotContain("\tat ", "Caused by");
        assertThat(repo.resolve("ran")).doesNotExist();
    }

    @Test
    void badPodOptionsAreUsageErrorsBeforeAnythingRuns() {
        CliRun run = CliRun.of(
                "run", "-C", repo.toString(), "--executor", "local", "--cpu-memory", "1-0", "--", "touch", "ran");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("error: --cpu-memory '1-0': memory must be greater than 0");
        assertThat(repo.resolve("ran")).doesNotExist();
    }

    @Test
    void demoTrainsLocallyAndWritesTheReport(@TempDir Path parent) throws Exception {
        Assumptions.assumeTrue(python3(), "python3 is needed by the demo's training script");
        Path project = parent.resolve("demo");

        CliRun run = CliRun.of("demo", "--dir", project.toString(), "--without-dvc");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("metrics.json  loss", "ran locally on this machine", "Report: ");
        assertThat(run.err)
                .contains("[gpu-train] --without-dvc: training with python3 train.py instead of 'dvc repro --pull'");
        assertThat(Files.readString(project.resolve("gpu-train/report.md")))
                .contains("| params.yaml | train.lr     | 0.05   | 0.2         |", "![](./plots/loss.csv.png");
        assertThat(project.resolve("dvc.lock")).doesNotExist();
    }

    @Test
    @ExtendWith(RealDvcExtension.class)
    void demoRunsDvcReproPullAgainstALocalRemote(RealDvc dvc, @TempDir Path parent) throws Exception {
        Path project = parent.resolve("demo");

        CliRun run = CliRun.of("demo", "--dir", project.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out + run.err)
                .contains(
                        "running the experiment (lr 0.2, 40 epochs) locally on this machine: dvc repro --pull",
                        "Pulling data for stage: 'data.csv.dvc'",
                        "Running stage 'train'",
                        "metrics.json  loss");
        assertThat(project.resolve("dvc.lock")).content().contains("lr: 0.2", "model.json");
        try (Stream<Path> pushed = Files.walk(project.resolve(DemoProject.REMOTE))) {
            assertThat(pushed.filter(Files::isRegularFile)).hasSize(2);
        }
        assertThat(Files.readString(project.resolve("gpu-train/report.md")))
                .contains("| params.yaml | train.lr     | 0.05   | 0.2         |");
    }

    @Test
    void demoRefusesANonEmptyDirectory() throws IOException {
        Files.writeString(repo.resolve("keep.txt"), "mine");

        CliRun run = CliRun.of("demo", "--dir", repo.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("ERROR: --dir '" + repo + "': not empty (expected an empty or new directory)\n");
        assertThat(Files.readString(repo.resolve("keep.txt"))).isEqualTo("mine");
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
