package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kubelet's lost containers of a deleted pod, and the memory advice of an {@code OOMKilled} container named after
 * what sizes that container.
 */
class PodStatusDeletedAndOomTest {
    private static final String DELETED = "The pod was deleted by someone other than gpu-train (while Running;"
            + " deletionTimestamp 2026-12-02T07:00:00Z, grace period 30s)";

    /**
     * Stopping a deleted pod, the kubelet marks the containers it can no longer find {@code ContainerStatusUnknown},
     * exit code 137, in their state ({@code status_manager.go} TerminatePod) or their last state
     * ({@code kubelet_pods.go}, "…when the pod was deleted.  The container used to be Running") at v1.35.4: that is
     * the deletion, not a lost container to retry.
     */
    @ParameterizedTest(name = "in its last state: {0}")
    @ValueSource(booleans = {false, true})
    void aLostContainerOfADeletedPodIsTheDeletion(boolean last) {
        String message = last
                ? "The container could not be located when the pod was deleted.  The container used to be Running"
                : "The container could not be located when the pod was terminated";
        var lost = new ContainerStateBuilder()
                .withNewTerminated()
                .withReason("ContainerStatusUnknown")
                .withExitCode(137)
                .withMessage(message)
                .endTerminated()
                .build();
        var status = new ContainerStatusBuilder().withName("dvc");
        Pod pod = deleted(pod(
                "Running",
                last
                        ? status.withLastState(lost).build()
                        : status.withState(lost).build()));

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(PodFailure.Kind.DELETED);
        assertThat(failure.kind().retryable()).isFalse();
        assertThat(failure.message())
                .isEqualTo(DELETED + "; container dvc was stopped with it (Exit Code: 137, Reason:"
                        + " ContainerStatusUnknown): " + message);
    }

    /** A container that ran out of memory before the deletion stays an OOM: the deletion did not cause it. */
    @Test
    void anOomBeforeADeletionStaysAnOom() {
        Pod pod = deleted(pod("Running", oomKilled("dvc")));

        assertThat(PodStatus.of(pod).optionalFailure().orElseThrow().kind()).isEqualTo(PodFailure.Kind.OOM_KILLED);
    }

    @Test
    void theTrainingContainerIsSizedByCpuMemory() {
        Pod pod = pod("Running", oomKilled("dvc"));

        assertThat(PodStatus.of(pod).optionalFailure().orElseThrow().message())
                .isEqualTo("Container dvc was terminated (Exit Code: 137, Reason: OOMKilled); a larger cpuMemory is"
                        + " needed, retrying the same size would fail again");
    }

    /** An init container's memory is its own limit from the pod YAML; cpuMemory sizes only the training container. */
    @Test
    void anInitContainerNamesItsOwnLimit() {
        Pod pod = withInit(pod("Pending"), Map.of("memory", new Quantity("512Mi")), null);

        assertThat(PodStatus.of(pod).optionalFailure().orElseThrow().message())
                .isEqualTo("Init container fetch was terminated (Exit Code: 137, Reason: OOMKilled); its memory"
                        + " limit is 512Mi (spec.initContainers[1].resources.limits.memory of the pod YAML, not"
                        + " cpuMemory, which sizes only container dvc): a larger limit is needed there, retrying the"
                        + " same size would fail again");
    }

    @Test
    void anInitContainerWithoutALimitNamesThePodLevelOne() {
        Pod pod = withInit(pod("Pending"), null, Map.of("memory", new Quantity("3Gi")));

        assertThat(PodStatus.of(pod).optionalFailure().orElseThrow().message())
                .isEqualTo("Init container fetch was terminated (Exit Code: 137, Reason: OOMKilled); it has no"
                        + " memory limit of its own (spec.initContainers[1].resources.limits.memory), the pod's is 3Gi"
                        + " (spec.resources.limits.memory of the pod YAML): a larger one is needed there, retrying"
                        + " the same size would fail again");
    }

    @Test
    void anInitContainerWithoutAnyLimitRanItsNodeOutOfMemory() {
        Pod pod = withInit(pod("Pending"), null, null);

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(PodFailure.Kind.OOM_KILLED);
        assertThat(failure.message())
                .isEqualTo("Init container fetch was terminated (Exit Code: 137, Reason: OOMKilled); it has no"
                        + " memory limit (spec.initContainers[1].resources.limits.memory is not set; cpuMemory sizes"
                        + " only container dvc), so its node ran out of memory: set its resources.requests.memory in"
                        + " the pod YAML so that the scheduler reserves what it needs, retrying the same size would"
                        + " fail again");
    }

    /** An init container named like the training container is still not sized by cpuMemory. */
    @Test
    void onlyTheTrainingContainerItselfIsSizedByCpuMemory() {
        Pod pod = pod("Pending");
        pod.getSpec()
                .getInitContainers()
                .add(new ContainerBuilder().withName("dvc").build());
        pod.getStatus().getInitContainerStatuses().add(oomKilled("dvc"));

        assertThat(PodStatus.of(pod).optionalFailure().orElseThrow().message())
                .doesNotContain("a larger cpuMemory")
                .contains("spec.initContainers[0].resources.limits.memory is not set");
    }

    private static Pod withInit(Pod pod, Map<String, Quantity> limits, Map<String, Quantity> podLimits) {
        pod.getSpec()
                .getInitContainers()
                .add(new ContainerBuilder().withName("setup").build());
        pod.getSpec()
                .getInitContainers()
                .add(new ContainerBuilder()
                        .withName("fetch")
                        .withResources(new ResourceRequirementsBuilder()
                                .withLimits(limits)
                                .build())
                        .build());
        if (podLimits != null) {
            pod.getSpec()
                    .setResources(new ResourceRequirementsBuilder()
                            .withLimits(podLimits)
                            .build());
        }
        pod.getStatus().getInitContainerStatuses().add(oomKilled("fetch"));
        return pod;
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus oomKilled(String name) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withNewState()
                .withNewTerminated()
                .withReason("OOMKilled")
                .withExitCode(137)
                .endTerminated()
                .endState()
                .build();
    }

    private static Pod deleted(Pod pod) {
        return new PodBuilder(pod)
                .editMetadata()
                .withDeletionTimestamp("2026-12-02T07:00:00Z")
                .withDeletionGracePeriodSeconds(30L)
                .endMetadata()
                .build();
    }

    private static Pod pod(String phase, io.fabric8.kubernetes.api.model.ContainerStatus... statuses) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("dvc")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .withContainerStatuses(statuses)
                .endStatus()
                .build();
    }
}
