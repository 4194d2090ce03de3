package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose pod waits Pending (no node of the selected kind yet) while the kube-apiserver is killed and started
 * again, on a private cluster ({@link PrivateCluster}; the shared one is never restarted): once a matching node
 * appears, the run's wait sees the pod scheduled and Running, the command runs, and nothing is left.
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
}
