package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.Watcher;
import org.junit.jupiter.api.Test;

/** The kubelet's stop as the pod statuses Kubernetes v1.35.4's kubelet sends show it. */
class KubeletTerminationTest {
    @Test
    void aPressureEvictionIsTheKubeletsStop() {
        assertThat(KubeletTermination.shownBy(pod(Disruptions.kubeletEvicted())))
                .isTrue();
    }

    /** {@code pkg/kubelet/nodeshutdown/nodeshutdown_manager.go}: reason {@code Terminated}, the kubelet's condition. */
    @Test
    void aNodeShutdownIsTheKubeletsStop() {
        assertThat(KubeletTermination.shownBy(pod(new PodStatusBuilder()
                        .withPhase("Failed")
                        .withReason("Terminated")
                        .withMessage("Pod was terminated in response to imminent node shutdown.")
                        .addToConditions(condition("True", "TerminationByKubelet"))
                        .build())))
                .isTrue();
    }

    /** {@code localStorageEviction}: reason {@code Evicted} with no condition (the pod exceeded its own limit). */
    @Test
    void anEvictionWithoutConditionIsTheKubeletsStop() {
        assertThat(KubeletTermination.shownBy(pod(new PodStatusBuilder()
                        .withPhase("Failed")
                        .withReason("Evicted")
                        .withMessage("Container dvc exceeded its local ephemeral storage limit \"1Gi\". ")
                        .build())))
                .isTrue();
    }

    @Test
    void anotherControllersDisruptionIsNot() {
        assertThat(KubeletTermination.shownBy(pod(new PodStatusBuilder()
                        .withPhase("Running")
                        .addToConditions(condition("True", "EvictionByEvictionAPI"))
                        .build())))
                .isFalse();
    }

    @Test
    void aConditionThatIsNotTrueIsNot() {
        assertThat(KubeletTermination.shownBy(pod(new PodStatusBuilder()
                        .withPhase("Running")
                        .addToConditions(condition("False", "TerminationByKubelet"))
                        .build())))
                .isFalse();
    }

    @Test
    void aRunningPodOrOneWithoutStatusIsNot() {
        assertThat(KubeletTermination.shownBy(
                        pod(new PodStatusBuilder().withPhase("Running").build())))
                .isFalse();
        assertThat(KubeletTermination.shownBy(new PodBuilder().build())).isFalse();
    }

    /** The watch delivering the kubelet's eviction says the pod is being stopped, though no deletion comes. */
    @Test
    void aDeliveredEvictionIsAStoppingPod() {
        DeliveredPodState state = new DeliveredPodState();
        state.delivered(
                Watcher.Action.MODIFIED,
                pod(new PodStatusBuilder().withPhase("Running").build()));
        assertThat(state.stopping()).isFalse();

        state.delivered(Watcher.Action.MODIFIED, pod(Disruptions.kubeletEvicted()));

        assertThat(state.stopping()).isTrue();
    }

    private static Pod pod(PodStatus status) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("gpu-train-k")
                .endMetadata()
                .withStatus(status)
                .build();
    }

    private static io.fabric8.kubernetes.api.model.PodCondition condition(String status, String reason) {
        return new PodConditionBuilder()
                .withType("DisruptionTarget")
                .withStatus(status)
                .withReason(reason)
                .build();
    }
}
