package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs during which the kube-apiserver is killed and started again, on a private cluster ({@link PrivateCluster}; the
 * shared one is never restarted). A run whose pod waits Pending (no node of the selected kind yet): once a matching
 * node appears, the run's wait sees the pod scheduled and Running, the command runs, and nothing is left. A run whose
 * command is running: the exec that follows its output breaks with the API server, the command, detached from it,
 * goes on (kwok's local exec leaves it running: it was started by an exec that had ended), and the run attaches again,
 * ending with the command's exit code and its whole output, each line once, and the command's directory in the pod
 * removed. The API server is killed only once a
 * follow exec is running (kwok runs it on this host): killed between the start exec and the first follow, the follow's
 * connect is refused and fabric8 7.3.1 retries it with backoff ({@code StandardHttpClient.buildWebSocket} goes through
 * {@code retryWithExponentialBackoff}), so no stream ever breaks (seen in one CI run).
 */
@ExtendWith(Testbed.class)
class ApiServerRestartIT {
    @Test
    void aRunWaitingForItsPodSurvivesAnApiServerRestart(Testbed shared, @TempDir Path directory) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (PrivateCluster cluster = PrivateCluster.start("restart");
                Testbed testbed = Testbed.at(cluster.kubeconfig())) {
            Sandbox sandbox = Sandbox.create(testbed, "restart");
            try {
                String namespace = sandbox.namespace();
                sandbox.nodes(FakeNode.named(namespace + "-cpu").label("gpu", "false"));
                Path project = TrainingProject.create(directory.resolve("project"), "true");
                Future<GpuTrainCli.Result> run = pool.submit(() -> new GpuTrainCli(testbed)
                        .run(
                                project,
                                6,
                                TrainingRun.onGpuNodes(sandbox, "1-2000")
                                        .option("--pending-timeout", "4m")
                                        .command("sh", "-c", "echo '{\"acc\": 0.9}' > metrics.json")));
                sandbox.client()
                        .pods()
                        .inNamespace(namespace)
                        .informOnCondition(pods -> pods.stream().anyMatch(PodConditions::unschedulable))
                        .get(2, TimeUnit.MINUTES);

                cluster.restartApiServer();
                sandbox.nodes(FakeNode.named(namespace + "-gpu").label("gpu", "true"));

                GpuTrainCli.Result result = run.get(6, TimeUnit.MINUTES);
                assertThat(result.exitCode()).as(result.transcript()).isZero();
                assertThat(result.out() + result.err())
                        .as(result.transcript())
                        .contains("is Running")
                        .contains("the command exited with code 0");
                assertThat(Files.readString(project.resolve("metrics.json"))).contains("0.9");
                sandbox.awaitNoPods();
            } finally {
                sandbox.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunningCommandSurvivesAnApiServerRestart(Testbed shared, @TempDir Path directory) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (PrivateCluster cluster = PrivateCluster.start("follow");
                Testbed testbed = Testbed.at(cluster.kubeconfig())) {
            Sandbox sandbox = Sandbox.create(testbed, "follow");
            try {
                String namespace = sandbox.namespace();
                sandbox.nodes(
                        FakeNode.named(namespace + "-gpu").label("gpu", "true").gpus(1));
                Path project = TrainingProject.create(directory.resolve("project"), "true");
                Future<GpuTrainCli.Result> run = pool.submit(() -> new GpuTrainCli(testbed)
                        .run(
                                project,
                                6,
                                TrainingRun.onGpuNodes(sandbox, "1-2000+t4*1")
                                        .command(
                                                "sh",
                                                "-c",
                                                "echo epoch 1; while [ ! -e go ]; do sleep 0.2; done; echo epoch 2;"
                                                        + " echo '{\"acc\": 0.9}' > metrics.json")));
                Path output = awaitOutput(sandbox.execDirectory(), "epoch 1\n", run);
                awaitFollow(output.getParent(), run);

                cluster.restartApiServer();
                Files.createFile(sandbox.execDirectory().resolve("go"));

                GpuTrainCli.Result result = run.get(6, TimeUnit.MINUTES);
                assertThat(result.exitCode()).as(result.transcript()).isZero();
                assertThat(result.out() + result.err())
                        .as(result.transcript())
                        .contains("exec stream broken, re-attaching to the command's output from byte")
                        .contains("the command exited with code 0");
                assertThat(result.out().lines().filter(line -> line.startsWith("epoch ")))
                        .as(result.transcript())
                        .containsExactly("epoch 1", "epoch 2");
                assertThat(output.getParent())
                        .as("the command's directory is removed once its exit code and output are in")
                        .doesNotExist();
                assertThat(Files.readString(project.resolve("metrics.json"))).contains("0.9");
                sandbox.awaitNoPods();
            } finally {
                sandbox.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits until a follow exec of the command in {@code commandDirectory} runs: a process on this host (kwok's local
     * exec) named {@code gpu-train-follow} whose arguments name that directory; looked at every 100 ms for up to 3
     * minutes, failing early when the run ended.
     */
    private static void awaitFollow(Path commandDirectory, Future<?> run) throws Exception {
        String directory = ".gpu-train-exec/" + commandDirectory.getFileName();
        for (int i = 0; i < 1800 && !run.isDone(); i++) {
            boolean following = ProcessHandle.allProcesses()
                    .map(process -> process.info().arguments().map(List::of).orElse(List.of()))
                    .anyMatch(arguments -> arguments.contains("gpu-train-follow") && arguments.contains(directory));
            if (following) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "no follow exec of " + directory + " ever ran" + (run.isDone() ? ": the run ended" : ""));
    }

    /**
     * The output file of the command detached under {@code execDirectory} once it holds {@code text}; looked at every
     * 100 ms for up to 3 minutes, failing early when the run ended.
     */
    private static Path awaitOutput(Path execDirectory, String text, Future<?> run) throws Exception {
        Path root = execDirectory.resolve(".gpu-train-exec");
        for (int i = 0; i < 1800 && !run.isDone(); i++) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> commands = Files.list(root)) {
                    Optional<Path> output = commands.map(command -> command.resolve("out"))
                            .filter(out -> Files.isRegularFile(out))
                            .findFirst();
                    if (output.isPresent() && Files.readString(output.get()).equals(text)) {
                        return output.get();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "the command's output never held " + text.strip() + (run.isDone() ? ": the run ended" : ""));
    }
}
