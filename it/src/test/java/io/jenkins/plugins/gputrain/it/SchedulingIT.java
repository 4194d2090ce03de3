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
 * own reason, in one line, and leave no pod behind; with the preflight on (the default), its verdict agrees with the
 * scheduler's for each case.
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

    /**
     * No node has the label: the preflight (on) warns and creates the pod, as for an autoscaled pool scaled to zero,
     * and the real scheduler leaves it Unschedulable for the same reason the preflight saw (issue-14 D6).
     */
    @Test
    void nodeSelectorThatNoNodeHas(@TempDir Path directory) throws Exception {
        Path project = TrainingProject.create(directory.resolve("project"), "true");

        GpuTrainCli.Result result = run(project, "--node-selector", "pool=missing");

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(1);
        assertThat(result.transcript())
                .contains("preflight: WARNING: none of the")
                .contains("matches the node selector");
        assertThat(result.err()).as(result.transcript()).contains("didn't match Pod's node affinity/selector");
    }

    @Test
    void gpuRequestWhereNoNodeHasGpus(@TempDir Path directory) throws Exception {
        assertPreflightAndSchedulerAgree(
                directory,
                "Insufficient nvidia.com/gpu",
                "--node-selector",
                "gpu=false",
                "--cpu-memory",
                "1-2000+t4*1");
    }

    @Test
    void taintWithoutToleration(@TempDir Path directory) throws Exception {
        assertPreflightAndSchedulerAgree(directory, "untolerated taint(s)", "--node-selector", "gpu=tainted");
    }

    /**
     * The same run twice: with the preflight on it is refused before a pod exists, naming what the nodes lack; with
     * it off the real scheduler leaves the pod Unschedulable for that reason. The preflight says "no node" only when
     * the scheduler does.
     */
    private void assertPreflightAndSchedulerAgree(Path directory, String schedulerReason, String... options)
            throws Exception {
        Path project = TrainingProject.create(directory.resolve("project"), "true");

        GpuTrainCli.Result checked = run(project, options);
        String[] unchecked = java.util.Arrays.copyOf(options, options.length + 1);
        unchecked[options.length] = "--no-preflight";
        GpuTrainCli.Result scheduled = run(project, unchecked);

        assertThat(checked.exitCode()).as(checked.transcript()).isEqualTo(1);
        assertThat(checked.err())
                .as(checked.transcript())
                .contains("preflight: no node can run pod")
                .contains("checked its node selector ")
                .contains(" against the labels, taints, cordon and allocatable resources");
        assertThat(checked.transcript()).doesNotContain("created pod");
        assertThat(scheduled.exitCode()).as(scheduled.transcript()).isEqualTo(1);
        assertThat(scheduled.err())
                .as("the real scheduler's PodScheduled message: %s", scheduled.transcript())
                .containsPattern("is still Pending: 0/\\d+ nodes are available: .*"
                        + java.util.regex.Pattern.quote(schedulerReason));
    }
}
