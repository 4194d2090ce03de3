package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty {@code gpu-train run} processes at once against one API server and one GPU node pool: each trains, each
 * pod and Secret is gone afterwards, and no run sees another's pod (each namespace has its own exec directory).
 */
@ExtendWith(Testbed.class)
class ConcurrentRunsIT {
    private static final int RUNS = 20;

    @Test
    void twentyConcurrentRunsAllEndWithNothingLeft(Testbed testbed, @TempDir Path directory) throws Exception {
        List<Sandbox> sandboxes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        try {
            for (int i = 0; i < RUNS; i++) {
                sandboxes.add(Sandbox.create(testbed, "many"));
            }
            sandboxes
                    .get(0)
                    .nodes(
                            FakeNode.named(sandboxes.get(0).namespace() + "-a")
                                    .label("gpu", "true")
                                    .gpus(8)
                                    .resource("cpu", "64")
                                    .resource("memory", "256Gi"),
                            FakeNode.named(sandboxes.get(0).namespace() + "-b")
                                    .label("gpu", "true")
                                    .gpus(8)
                                    .resource("cpu", "64")
                                    .resource("memory", "256Gi"));
            GpuTrainCli cli = new GpuTrainCli(testbed);
            List<Future<GpuTrainCli.Result>> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Path project = TrainingProject.create(directory.resolve("project-" + i), "true");
                String[] arguments = TrainingRun.onGpuNodes(sandboxes.get(i), "1-2000+t4*1")
                        .command("sh", "-c", "echo '{\"acc\": 0.9}' > metrics.json");
                runs.add(pool.submit(() -> cli.run(project, 10, arguments)));
            }
            for (Future<GpuTrainCli.Result> run : runs) {
                GpuTrainCli.Result result = run.get(15, TimeUnit.MINUTES);
                assertThat(result.exitCode()).as(result.transcript()).isZero();
            }
            sandboxes.forEach(Sandbox::awaitNoPods);
        } finally {
            pool.shutdownNow();
            sandboxes.forEach(Sandbox::close);
        }
    }
}
