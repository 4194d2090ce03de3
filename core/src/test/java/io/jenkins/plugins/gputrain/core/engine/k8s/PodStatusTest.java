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

    /**
     * N18: a deletion by someone else (kubectl delete, a controller without a DisruptionTarget condition) sets
     * {@code metadata.deletionTimestamp}; it is named as a deletion, not a generic failure, and not retried.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"Pending, before it ran", "Running, while Running"})
    void aPodDeletedBySomeoneElseSaysItWasDeleted(String phase, String when) {
        Pod pod = new PodBuilder(pod(phase))
                .editOrNewMetadata()
                .withDeletionTimestamp("2026-12-02T07:00:00Z")
                .withDeletionGracePeriodSeconds(30L)
                .endMetadata()
                .build();

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(PodFailure.Kind.DELETED);
        assertThat(failure.kind().retryable()).isFalse();
        assertThat(failure.message())
                .isEqualTo("The pod was deleted by someone other than gpu-train (" + when
                        + "; deletionTimestamp 2026-12-02T07:00:00Z, grace period 30s)");
        assertThat(PodStatus.of(pod).isRunning()).isFalse();
    }

    /** An eviction through the API also deletes the pod; its DisruptionTarget condition says who, and is retried. */
    @Test
    void aDeletionWithADisruptionTargetNamesTheController() {
        Pod pod = new PodBuilder(pod("Running"))
                .editOrNewMetadata()
                .withDeletionTimestamp("2026-12-02T07:00:00Z")
                .endMetadata()
                .build();
        pod.getStatus()
                .getConditions()
                .add(new PodConditionBuilder()
                        .withType("DisruptionTarget")
                        .withStatus("True")
                        .withReason("EvictionByEvictionAPI")
                        .withMessage("Eviction API: evicting")
                        .build());

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(PodFailure.Kind.DISRUPTED);
        assertThat(failure.message()).contains("EvictionByEvictionAPI");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"InvalidImageName, IMAGE_PULL", "ErrImageNeverPull, IMAGE_PULL"})
    void containerThatCannotStartIsAFailure(String reason, PodFailure.Kind kind) {
        Pod pod = waiting(reason);

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.kind().retryable()).isFalse();
        assertThat(failure.message())
                .isEqualTo("Container dvc cannot start (Reason: " + reason + "): secret" + " \"dvc-remote\" not found");
    }

    /**
     * The kubelet retries these ({@code pkg/kubelet/images} backs off after {@code ErrImagePull} and then writes
     * {@code ImagePullBackOff}; configuration errors are retried on every sync), so they are no failure yet.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ErrImagePull, IMAGE_PULL",
        "ImagePullBackOff, IMAGE_PULL",
        "RegistryUnavailable, IMAGE_PULL",
        "SignatureValidationFailed, IMAGE_PULL",
        "ImageInspectError, IMAGE_PULL",
        "CreateContainerConfigError, CONTAINER_CONFIG",
        "CreateContainerError, CONTAINER_CONFIG"
    })
    void errorsTheKubeletRetriesAreABackOffNotAFailure(String reason, PodFailure.Kind kind) {
        PodStatus status = PodStatus.of(waiting(reason));

        assertThat(status.optionalFailure()).isEmpty();
        assertThat(status.optionalBackOff().orElseThrow().kind()).isEqualTo(kind);
        assertThat(status.describe()).isEqualTo("Pending: " + reason);
    }

    /**
     * Reasons as Kubernetes v1.35 writes them: {@code pkg/kubelet/eviction} ({@code Evicted}),
     * {@code pkg/kubelet/nodeshutdown} ({@code Terminated}), {@code pkg/kubelet/lifecycle} admission
     * ({@code OutOf<resource>}, {@code UnexpectedAdmissionError}, {@code NodeAffinity}), the active deadline, the
     * topology manager ({@code pkg/kubelet/cm/topologymanager/scope_pod.go}: {@code TopologyAffinityError}, not
     * retried, the scheduler would pick the same node again).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Evicted, EXCEEDED_OWN_LIMIT, false",
        "NodeLost, NODE_LOST, true",
        "Terminated, NODE_LOST, true",
        "Shutdown, NODE_LOST, true",
        "OutOfnvidia.com/gpu, ADMISSION_REJECTED, true",
        "OutOfcpu, ADMISSION_REJECTED, true",
        "UnexpectedAdmissionError, ADMISSION_REJECTED, true",
        "NodeAffinity, ADMISSION_REJECTED, true",
        "TaintToleration, ADMISSION_REJECTED, true",
        "NodePorts, ADMISSION_REJECTED, true",
        "VolumeAttachmentLimitExceeded, ADMISSION_REJECTED, true",
        "InvalidNodeInfo, ADMISSION_REJECTED, true",
        "UnknownReason, ADMISSION_REJECTED, true",
        "UnexpectedPredicateFailureType, ADMISSION_REJECTED, true",
        "SysctlForbidden, FAILED, false",
        "AppArmor, FAILED, false",
        "PodOSNotSupported, FAILED, false",
        "PodOSSelectorNodeLabelDoesNotMatch, FAILED, false",
        "PodLevelResourcesNotSupported, FAILED, false",
        "TopologyAffinityError, FAILED, false",
        "DeadlineExceeded, DEADLINE_EXCEEDED, false",
        "OutOf, FAILED, false"
    })
    void podLevelReasons(String reason, PodFailure.Kind kind, boolean retryable) {
        Pod pod = pod("Failed");
        pod.getStatus().setReason(reason);
        pod.getStatus().setMessage("The node was low on resource: memory.");

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.kind().retryable()).isEqualTo(retryable);
        assertThat(failure.message()).endsWith("The node was low on resource: memory.");
    }

    /**
     * A pressure eviction carries {@code DisruptionTarget} ({@code TerminationByKubelet}) and is retried; an
     * eviction without it (ephemeral storage or an emptyDir's sizeLimit exceeded) is the pod's own doing.
     */
    @Test
    void anEvictionWithItsDisruptionTargetIsRetryableOneWithoutIsNot() {
        Pod pressure = pod("Failed");
        pressure.getStatus().setReason("Evicted");
        pressure.getStatus().setMessage("The node was low on resource: memory.");
        pressure.getStatus()
                .getConditions()
                .add(new PodConditionBuilder()
                        .withType("DisruptionTarget")
                        .withStatus("True")
                        .withReason("TerminationByKubelet")
                        .build());
        Pod sizeLimit = pod("Failed");
        sizeLimit.getStatus().setReason("Evicted");
        sizeLimit.getStatus().setMessage("Usage of EmptyDir volume \"workspace\" exceeds the limit \"1Gi\". ");

        assertThat(PodStatus.of(pressure).failure())
                .isEqualTo(new PodFailure(
                        PodFailure.Kind.EVICTED, "The pod was evicted: The node was low on resource:" + " memory."));
        assertThat(PodStatus.of(sizeLimit).failure())
                .isEqualTo(new PodFailure(
                        PodFailure.Kind.EXCEEDED_OWN_LIMIT,
                        "The pod was evicted for exceeding its own limit, a new pod would too: Usage of EmptyDir"
                                + " volume \"workspace\" exceeds the limit \"1Gi\"."));
        assertThat(PodFailure.Kind.EXCEEDED_OWN_LIMIT.retryable()).isFalse();
    }

    /** {@code DisruptionTarget} reasons: the eviction API, scheduler preemption, the taint manager, the kubelet. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"EvictionByEvictionAPI", "PreemptionByScheduler", "DeletionByTaintManager", "TerminationByKubelet"})
    void aDisruptionTargetConditionIsARetryableFailureWhileThePodStillRuns(String reason) {
        Pod pod = pod("Running");
        pod.getStatus()
                .getConditions()
                .add(new PodConditionBuilder()
                        .withType("DisruptionTarget")
                        .withStatus("True")
                        .withReason(reason)
                        .withMessage("preempted by ml/high-priority")
                        .build());

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(PodFailure.Kind.DISRUPTED);
        assertThat(failure.kind().retryable()).isTrue();
        assertThat(failure.message())
                .isEqualTo(
                        "The pod is being stopped (DisruptionTarget: " + reason + "): preempted by ml/high-priority");
    }

    @Test
    void aDisruptionTargetThatIsNoLongerTrueIsNoFailure() {
        Pod pod = pod("Running");
        pod.getStatus()
                .getConditions()
                .add(new PodConditionBuilder()
                        .withType("DisruptionTarget")
                        .withStatus("False")
                        .withReason("EvictionByEvictionAPI")
                        .build());

        assertThat(PodStatus.of(pod).isRunning()).isTrue();
    }

    @Test
    void startErrorAndAFailedContainersReasonAreReported() {
        Pod started = pod("Failed");
        started.getStatus().getContainerStatuses().add(terminated("StartError", 128, "exec: \"dvc\": not found"));
        Pod failed = pod("Failed");
        failed.getStatus().getContainerStatuses().add(terminated("Error", 2, null));

        PodFailure startError = PodStatus.of(started).optionalFailure().orElseThrow();
        PodFailure failure = PodStatus.of(failed).optionalFailure().orElseThrow();

        assertThat(startError.kind()).isEqualTo(PodFailure.Kind.START_ERROR);
        assertThat(startError.message())
                .isEqualTo("Container dvc could not start (Exit Code: 128, Reason: StartError): exec: \"dvc\": not"
                        + " found");
        assertThat(failure.kind()).isEqualTo(PodFailure.Kind.FAILED);
        assertThat(failure.message())
                .isEqualTo("The pod failed: (no message); container dvc terminated (Exit Code: 2, Reason: Error)");
    }

    @Test
    void aGatedPodWaitsAndSaysSo() {
        Pod pod = pod("Pending");
        pod.getStatus()
                .getConditions()
                .add(new PodConditionBuilder()
                        .withType("PodScheduled")
                        .withStatus("False")
                        .withReason("SchedulingGated")
                        .withMessage("Scheduling is blocked due to non-empty scheduling gates")
                        .build());

        PodStatus status = PodStatus.of(pod);

        assertThat(status.optionalFailure()).isEmpty();
        assertThat(status.unschedulable()).isFalse();
        assertThat(status.describe())
                .isEqualTo("Pending: SchedulingGated (the pod's schedulingGates hold it back: Scheduling is blocked"
                        + " due to non-empty scheduling gates)");
    }

    private static Pod waiting(String reason) {
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
        return pod;
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus terminated(String reason, int code, String message) {
        return new ContainerStatusBuilder()
                .withName("dvc")
                .withNewState()
                .withNewTerminated()
                .withReason(reason)
                .withExitCode(code)
                .withMessage(message)
                .endTerminated()
                .endState()
                .build();
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
