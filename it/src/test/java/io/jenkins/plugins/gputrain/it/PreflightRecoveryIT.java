package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.engine.k8s.NodePreflight;
import io.jenkins.plugins.gputrain.core.engine.k8s.PendingBudget;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 9 on the real control plane: the only GPU node of its kind is cordoned (the node lifecycle controller gives
 * it the {@code node.kubernetes.io/unschedulable} taint); the preflight waits for it, saying why, instead of refusing
 * the pod, and once it is uncordoned (and the controller has removed the taint) the preflight lets the pod go and the
 * real scheduler binds it there; while it was cordoned, the real scheduler's PodScheduled message named it.
 */
@ExtendWith(Testbed.class)
class PreflightRecoveryIT {
    private Sandbox sandbox;

    @BeforeEach
    void createSandbox(Testbed testbed) {
        sandbox = Sandbox.create(testbed, "recover");
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    @Test
    void aCordonedNodeIsWaitedForAndUsedOnceUncordoned() throws Exception {
        String node = sandbox.namespace() + "-gpu";
        String pool = sandbox.namespace();
        sandbox.nodes(FakeNode.named(node).label("pool", pool).gpus(1).cordoned(true));
        Pod pod = new TrainingPodFactory()
                .create(TrainingPodSpec.builder("recover")
                        .podName("recover-1")
                        .namespace(sandbox.namespace())
                        .machine(MachineSize.parse("1-1000+t4*1"))
                        .nodeSelector(NodeSelector.parse("pool=" + pool))
                        .build());
        Pod pending = sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .resource(pod)
                .create();
        String schedulerSaid = sandbox
                .client()
                .pods()
                .inNamespace(sandbox.namespace())
                .withName(pending.getMetadata().getName())
                .waitUntilCondition(PodConditions::unschedulable, 30, TimeUnit.SECONDS)
                .getStatus()
                .getConditions()
                .stream()
                .filter(c -> "PodScheduled".equals(c.getType()))
                .findFirst()
                .orElseThrow()
                .getMessage();
        assertThat(schedulerSaid).matches("0/\\d+ nodes are available: .*1 node\\(s\\) were unschedulable.*");
        deletePod();
        RecordedProgress listener = new RecordedProgress();
        List<Duration> sleeps = new ArrayList<>();

        new NodePreflight(sandbox.client(), listener, Clock.systemUTC(), duration -> {
                    sleeps.add(duration);
                    uncordon(node);
                })
                .check(pod, PendingBudget.NONE);

        assertThat(sleeps).isNotEmpty();
        assertThat(listener.progress.get(0))
                .startsWith("preflight: waiting: no node can run pod recover-1 now, but 1 of ")
                .contains("nodes would once their conditions clear (" + node + " (cordoned))");
        assertThat(listener.progress.get(listener.progress.size() - 1))
                .startsWith("preflight: 1 of ")
                .contains("can run pod recover-1 (" + node + "); checked its node selector pool=" + pool);
        Pod bound = sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .resource(pod)
                .create();
        bound = sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .withName(bound.getMetadata().getName())
                .waitUntilCondition(p -> p.getSpec().getNodeName() != null, 30, TimeUnit.SECONDS);
        assertThat(bound.getSpec().getNodeName()).isEqualTo(node);
        deletePod();
    }

    private void deletePod() {
        sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .withName("recover-1")
                .delete();
        sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .withName("recover-1")
                .waitUntilCondition(p -> p == null, 60, TimeUnit.SECONDS);
    }

    /** Uncordons the node and waits for the node lifecycle controller to remove its unschedulable taint. */
    private void uncordon(String name) {
        sandbox.client().nodes().withName(name).edit(n -> {
            n.getSpec().setUnschedulable(null);
            return n;
        });
        sandbox.client()
                .nodes()
                .withName(name)
                .waitUntilCondition(
                        (Node n) -> n.getSpec().getTaints().stream()
                                .noneMatch(t -> "node.kubernetes.io/unschedulable".equals(t.getKey())),
                        60,
                        TimeUnit.SECONDS);
    }
}
