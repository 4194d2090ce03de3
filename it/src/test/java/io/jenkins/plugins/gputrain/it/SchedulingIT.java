package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod that no node can take, told by the real kube-scheduler: {@code gpu-train run} must fail with the scheduler's
 * own reason, in one line, and leave no pod behind.
 */
@ExtendWith(Testbed.class)
class SchedulingIT {
    private Sandbox sandbox;
    private GpuTrainCli cli;

    @BeforeEach
    void createSandbox(Testbed testbed) {
        sandbox = Sandbox.create(testbed, "sched");
        cli = new GpuTrainCli(testbed);
        sandbox.nodes(
                FakeNode.named(sandbox.namespace() + "-cpu").label("gpu", "false"),
                FakeNode.named(sandbox.namespace() + "-tainted")
                        .label("gpu", "tainted")
                        .gpus(1)
                        .taint("dedicated", "ml", "NoSchedule"));
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    private GpuTrainCli.Result run(Path project, String... options) throws Exception {
        String[] arguments = new String[options.length + 7];
        arguments[0] = "run";
        arguments[1] = "--namespace";
        arguments[2] = sandbox.namespace();
        arguments[3] = "--pending-timeout";
        arguments[4] = "10s";
        System.arraycopy(options, 0, arguments, 5, options.length);
        arguments[options.length + 5] = "--";
        arguments[options.length + 6] = "true";
        return cli.run(project, 3, arguments);
    }

    @Test
    void nodeSelectorThatNoNodeHas(@TempDir Path directory) throws Exception {
        Path project = TrainingProject.create(directory.resolve("project"), "true");

        GpuTrainCli.Result result = run(project, "--node-selector", "pool=missing", "--no-preflight");

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(1);
        assertThat(result.err()).as(result.transcript()).contains("didn't match Pod's node affinity/selector");
    }

    @Test
    void gpuRequestWhereNoNodeHasGpus(@TempDir Path directory) throws Exception {
        Path project = TrainingProject.create(directory.resolve("project"), "true");

        GpuTrainCli.Result result =
                run(project, "--node-selector", "gpu=false", "--cpu-memory", "1-2000+t4*1", "--no-preflight");

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(1);
        assertThat(result.err()).as(result.transcript()).contains("Insufficient nvidia.com/gpu");
    }

    @Test
    void taintWithoutToleration(@TempDir Path directory) throws Exception {
        Path project = TrainingProject.create(directory.resolve("project"), "true");

        GpuTrainCli.Result result = run(project, "--node-selector", "gpu=tainted", "--no-preflight");

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(1);
        assertThat(result.err()).as(result.transcript()).contains("untolerated taint(s)");
    }
}
