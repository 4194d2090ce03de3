package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classification on reason fields; the messages are what the build log shows. */
class PodStatusTest {
    @Test
    void unschedulablePendingPodCarriesTheSchedulersReason() {
        Pod pod = pod("Pending");
        pod.getStatus()
                .getConditions()
                .add(new PodConditionBuilder()
                        .withType("PodScheduled")
                        .withStatus("False")
                        .withReason("Unschedulable")
                        .withMessage("0/3 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 1"
                                + " Insufficient nvidia.com/gpu.")
                        .build());

        PodStatus status = PodStatus.of(pod);

        assertThat(status.unschedulable()).isTrue();
        assertThat(status.isRunning()).isFalse();
        assertThat(status.optionalFailure()).isEmpty();
        assertThat(status.describe())
                .isEqualTo("Pending: 0/3 nodes are available: 2 node(s) didn't match Pod's node"
                        + " affinity/selector, 1 Insufficient nvidia.com/gpu.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ErrImagePull, IMAGE_PULL",
        "ImagePullBackOff, IMAGE_PULL",
        "InvalidImageName, IMAGE_PULL",
        "CreateContainerConfigError, CONTAINER_CONFIG",
        "CreateContainerError, CONTAINER_CONFIG"
    })
    void containerThatCannotStartIsAFailure(String reason, PodFailure.Kind kind) {
        Pod pod = pod("Pending");
        pod.getStatus()
                .getContainerStatuses()
                .add(new ContainerStatusBuilder()
                        .withName("dvc")
                        .withNewState()
                        .withNewWaiting()
                        .withReason(reason)
                        .withMessage("secret \"dvc-remote\" not found")
                        .endWaiting()
                        .endState()
                        .build());

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.kind().retryable()).isFalse();
        assertThat(failure.message())
                .isEqualTo("Container dvc cannot start (Reason: " + reason + "): secret" + " \"dvc-remote\" not found");
    }

    @Test
    void waitingForAnotherReasonIsNotAFailure() {
        Pod pod = pod("Pending");
        pod.getStatus()
                .getContainerStatuses()
                .add(new ContainerStatusBuilder()
                        .withName("dvc")
                        .withNewState()
                        .withNewWaiting()
                        .withReason("ContainerCreating")
                        .endWaiting()
                        .endState()
                        .build());

        assertThat(PodStatus.of(pod).optionalFailure()).isEmpty();
        assertThat(PodStatus.of(pod).describe()).isEqualTo("Pending: ContainerCreating");
    }

    @Test
    void oomKilledIsNotRetryableAndSaysWhy() {
        Pod pod = pod("Running");
        pod.getStatus()
                .getContainerStatuses()
                .add(new ContainerStatusBuilder()
                        .withName("dvc")
                        .withNewLastState()
                        .withNewTerminated()
                        .withReason("OOMKilled")
                        .withExitCode(137)
                        .endTerminated()
                        .endLastState()
                        .build());

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(PodFailure.Kind.OOM_KILLED);
        assertThat(failure.kind().retryable()).isFalse();
        assertThat(failure.message()).startsWith("Container dvc was terminated (Exit Code: 137, Reason: OOMKilled)");
        assertThat(PodStatus.of(pod).isRunning()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Evicted, EVICTED, true", "NodeLost, NODE_LOST, true", "DeadlineExceeded, DEADLINE_EXCEEDED, false"})
    void podLevelReasons(String reason, PodFailure.Kind kind, boolean retryable) {
        Pod pod = pod("Failed");
        pod.getStatus().setReason(reason);
        pod.getStatus().setMessage("The node was low on resource: memory.");

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.kind().retryable()).isEqualTo(retryable);
        assertThat(failure.message()).endsWith("The node was low on resource: memory.");
    }

    @Test
    void runningAndFailedWithoutReason() {
        assertThat(PodStatus.of(pod("Running")).isRunning()).isTrue();
        assertThat(PodStatus.of(new Pod()).describe()).isEqualTo("Pending");
        assertThat(PodStatus.of(pod("Failed")).optionalFailure().orElseThrow().kind())
                .isEqualTo(PodFailure.Kind.FAILED);
    }

    private static Pod pod(String phase) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .endMetadata()
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();
    }
}
