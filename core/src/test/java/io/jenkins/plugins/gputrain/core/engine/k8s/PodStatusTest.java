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

    /**
     * The kubelet's own messages ({@code pkg/kubelet/images/image_manager.go} at v1.35.4: {@code Failed to apply
     * default image tag %q: %v}, {@code Container image %q is not present with pull policy of Never}).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "InvalidImageName | Failed to apply default image tag \"Train:v1\": couldn't parse image name"
                        + " \"Train:v1\": invalid reference format: repository name (library/Train) must be lowercase",
                "ErrImageNeverPull | Container image \"registry.example/train:v1\" is not present with pull policy of"
                        + " Never"
            })
    void containerThatCannotStartIsAFailure(String reason, String message) {
        Pod pod = waiting(reason, message);

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(PodFailure.Kind.IMAGE_PULL);
        assertThat(failure.kind().retryable()).isFalse();
        assertThat(failure.message()).isEqualTo("Container dvc cannot start (Reason: " + reason + "): " + message);
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
        PodStatus status = PodStatus.of(waiting(reason, "secrets \"dvc-remote\" not found"));

        assertThat(status.optionalFailure()).isEmpty();
        assertThat(status.optionalBackOff().orElseThrow().kind()).isEqualTo(kind);
        assertThat(status.describe()).isEqualTo("Pending: " + reason);
    }

    /**
     * Reasons and messages as Kubernetes v1.35.4 writes them. Kubelet admission goes through {@code
     * pkg/kubelet/kubelet.go} rejectPod, which prefixes {@code Pod was rejected: } to the handler's message: {@code
     * pkg/kubelet/lifecycle/predicate.go} ({@code Node didn't have enough resource: %s, requested: %d, used: %d,
     * capacity: %d}; {@code Predicate %s failed: %s}; {@code Update plugin resources failed due to %v, which is
     * unexpected.}), {@code pkg/kubelet/cm/admission/errors.go} ({@code Allocate failed due to %v, which is
     * unexpected}), the device manager's {@code requested number of devices unavailable for %s. Requested: %d,
     * Available: %d}; the topology manager ({@code TopologyAffinityError}, not retried: the scheduler would pick the
     * same node again). {@code pkg/kubelet/nodeshutdown/nodeshutdown_manager.go}: {@code Terminated}, {@code Pod was
     * terminated in response to imminent node shutdown.}; {@code pkg/kubelet/active_deadline.go}: {@code Pod was
     * active on the node longer than the specified deadline}. {@code NodeLost} is the old node controller's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "NodeLost | NODE_LOST | true | Node gpu-1 which was running pod train-1 is unresponsive",
                "Terminated | NODE_LOST | true | Pod was terminated in response to imminent node shutdown.",
                "Shutdown | NODE_LOST | true | Pod was terminated in response to imminent node shutdown.",
                "OutOfnvidia.com/gpu | ADMISSION_REJECTED | true | Pod was rejected: Node didn't have enough resource:"
                        + " nvidia.com/gpu, requested: 1, used: 1, capacity: 1",
                "OutOfcpu | ADMISSION_REJECTED | true | Pod was rejected: Node didn't have enough resource: cpu,"
                        + " requested: 4000, used: 500, capacity: 3900",
                "UnexpectedAdmissionError | ADMISSION_REJECTED | true | Pod was rejected: Allocate failed due to"
                        + " requested number of devices unavailable for nvidia.com/gpu. Requested: 1, Available: 0,"
                        + " which is unexpected",
                "NodeAffinity | ADMISSION_REJECTED | true | Pod was rejected: Predicate NodeAffinity failed: node(s)"
                        + " didn't match Pod's node affinity/selector",
                "TaintToleration | ADMISSION_REJECTED | true | Pod was rejected: Predicate TaintToleration failed:"
                        + " node(s) had taints that the pod didn't tolerate",
                "NodePorts | ADMISSION_REJECTED | true | Pod was rejected: Predicate NodePorts failed: node(s) didn't"
                        + " have free ports for the requested pod ports",
                "VolumeAttachmentLimitExceeded | ADMISSION_REJECTED | true | Pod was rejected: Node has reached its"
                        + " volume attachment limit, rejecting pod. unmounted volumes=[data], unattached volumes=[data],"
                        + " failed to process volumes=[]: timed out waiting for the condition",
                "InvalidNodeInfo | ADMISSION_REJECTED | true | Pod was rejected: Kubelet cannot get node info.",
                "UnknownReason | ADMISSION_REJECTED | true | Pod was rejected: GeneralPredicates failed due to unknown"
                        + " reason, which is unexpected.",
                "UnexpectedPredicateFailureType | ADMISSION_REJECTED | true | Pod was rejected: GeneralPredicates"
                        + " failed due to &{0xc000123456}, which is unexpected.",
                "SysctlForbidden | FAILED | false | Pod was rejected: forbidden sysctl: \"net.core.somaxconn\" not"
                        + " allowlisted",
                "AppArmor | FAILED | false | Pod was rejected: Cannot enforce AppArmor: AppArmor is not enabled on the"
                        + " host",
                "PodOSNotSupported | FAILED | false | Pod was rejected: Failed to admit pod as the OS field doesn't"
                        + " match node OS",
                "PodOSSelectorNodeLabelDoesNotMatch | FAILED | false | Pod was rejected: Failed to admit pod as the"
                        + " `kubernetes.io/os` label doesn't match node label",
                "PodLevelResourcesNotSupported | FAILED | false | Pod was rejected: PodLevelResources feature gate is"
                        + " disabled",
                "TopologyAffinityError | FAILED | false | Resources cannot be allocated with Topology locality",
                "DeadlineExceeded | DEADLINE_EXCEEDED | false | Pod was active on the node longer than the specified"
                        + " deadline",
                "OutOf | FAILED | false | Pod was rejected: (no such reason)"
            })
    void podLevelReasons(String reason, PodFailure.Kind kind, boolean retryable, String message) {
        Pod pod = pod("Failed");
        pod.getStatus().setReason(reason);
        pod.getStatus().setMessage(message);

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.kind().retryable()).isEqualTo(retryable);
        assertThat(failure.message()).endsWith(message);
    }

    /**
     * Finding 3: the eviction manager's admission check ({@code pkg/kubelet/eviction/eviction_manager.go} Admit at
     * v1.35.4) rejects a new pod on a node under DiskPressure or PIDPressure with reason {@code Evicted} and
     * {@code The node had condition: %v. }, which {@code kubelet.go} rejectPod prefixes with {@code Pod was rejected:
     * }; it writes no container status and no DisruptionTarget. Another node may take the pod: retried, the kubelet's
     * message shown.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"[DiskPressure]", "[PIDPressure]", "[DiskPressure PIDPressure]"})
    void anAdmissionEvictionUnderNodePressureIsRetriedWithTheKubeletsMessage(String conditions) {
        Pod pod = pod("Failed");
        pod.getStatus().setReason("Evicted");
        pod.getStatus().setMessage("Pod was rejected: The node had condition: " + conditions + ". ");

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure)
                .isEqualTo(new PodFailure(
                        PodFailure.Kind.ADMISSION_REJECTED,
                        "The node's kubelet rejected the pod (Reason: Evicted): Pod was rejected: The node had"
                                + " condition: " + conditions + "."));
        assertThat(failure.kind().retryable()).isTrue();
    }

    /**
     * Finding 10: a container whose state the kubelet lost is written terminated with {@code ContainerStatusUnknown},
     * exit code 137 ({@code pkg/kubelet/status/status_manager.go} and {@code kubelet_pods.go} at v1.35.4, with their
     * messages); the pod may have run elsewhere fine: retried.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "Failed | The container could not be located when the pod was terminated",
                "Running | The container could not be located when the pod was terminated"
            })
    void aContainerWhoseStateTheKubeletLostIsRetried(String phase, String message) {
        Pod pod = pod(phase);
        pod.getStatus().getContainerStatuses().add(terminated("ContainerStatusUnknown", 137, message));

        PodFailure failure = PodStatus.of(pod).optionalFailure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(PodFailure.Kind.CONTAINER_LOST);
        assertThat(failure.kind().retryable()).isTrue();
        assertThat(failure.message())
                .isEqualTo("Container dvc's state was lost by its node's kubelet (Exit Code: 137, Reason:"
                        + " ContainerStatusUnknown): " + message + "; e.g. the node restarted, a new pod may succeed");
    }

    /** The same reason in the last state, as the kubelet writes it for a container that used to run. */
    @Test
    void aLostContainerInTheLastStateIsRetriedToo() {
        Pod pod = pod("Running");
        pod.getStatus()
                .getContainerStatuses()
                .add(lastTerminated(
                        new ContainerStatusBuilder().withName("dvc").build(),
                        "ContainerStatusUnknown",
                        137,
                        "The container could not be located when the pod was deleted.  The container used to be"
                                + " Running"));

        assertThat(PodStatus.of(pod).optionalFailure().orElseThrow().kind()).isEqualTo(PodFailure.Kind.CONTAINER_LOST);
    }

    /**
     * Finding 4: a pod stuck in its init phase: the containers wait with {@code PodInitializing} ({@code
     * kubelet_pods.go}), the init container says why; the kubelet's retried reasons are back-offs named after it.
     */
    @Test
    void aPodStuckInInitIsNamedByItsInitContainer() {
        Pod pod = withInit(pod("Pending"), false);
        pod.getStatus()
                .getInitContainerStatuses()
                .add(waitingStatus(
                        "fetch",
                        "ImagePullBackOff",
                        "Back-off pulling image \"registry.example/fetch:v1\": ErrImagePull: rpc error: code ="
                                + " NotFound desc = failed to pull and unpack image \"registry.example/fetch:v1\""));
        pod.getStatus().getContainerStatuses().add(waitingStatus("dvc", "PodInitializing", null));

        assertInitBackOff(
                pod,
                "Pending: Init:ImagePullBackOff (init container fetch)",
                new PodFailure(
                        PodFailure.Kind.IMAGE_PULL,
                        "Init container fetch cannot start (Reason: ImagePullBackOff): Back-off pulling image"
                                + " \"registry.example/fetch:v1\": ErrImagePull: rpc error: code = NotFound desc ="
                                + " failed to pull and unpack image \"registry.example/fetch:v1\""));
    }

    /**
     * An init container that keeps failing under {@code restartPolicy} Always/OnFailure: {@code CrashLoopBackOff} with
     * {@code back-off %s restarting failed container=%s pod=%s} ({@code kuberuntime_manager.go}, the pod as {@code
     * format.Pod}: {@code name_namespace(uid)}), its last run in the last state.
     */
    @Test
    void anInitContainerInCrashLoopIsABackOffNamingItsLastRun() {
        Pod pod = withInit(pod("Pending"), false);
        pod.getStatus()
                .getInitContainerStatuses()
                .add(lastTerminated(
                        waitingStatus(
                                "fetch",
                                "CrashLoopBackOff",
                                "back-off 40s restarting failed container=fetch pod=train-1_ci(6f1d2c9e)"),
                        "Error",
                        1,
                        null));

        assertInitBackOff(
                pod,
                "Pending: Init:CrashLoopBackOff (init container fetch)",
                new PodFailure(
                        PodFailure.Kind.CRASH_LOOP,
                        "Init container fetch keeps failing (Reason: CrashLoopBackOff): back-off 40s restarting"
                                + " failed container=fetch pod=train-1_ci(6f1d2c9e); its last run: (Exit Code: 1,"
                                + " Reason: Error)"));
    }

    /**
     * An init container killed for memory fails the pod as the training container would; one that failed under
     * {@code restartPolicy: Never} makes the pod Failed ({@code kubelet_pods.go} getPhase) and is named, a completed
     * one is not.
     */
    @Test
    void initContainerTerminationsAreRead() {
        Pod oom = withInit(pod("Pending"), false);
        oom.getStatus()
                .getInitContainerStatuses()
                .add(new ContainerStatusBuilder(terminated("OOMKilled", 137, null))
                        .withName("fetch")
                        .build());
        Pod failed = withInit(pod("Failed"), false);
        failed.getStatus()
                .getInitContainerStatuses()
                .add(new ContainerStatusBuilder(terminated("Error", 2, null))
                        .withName("fetch")
                        .build());
        failed.getStatus().getContainerStatuses().add(waitingStatus("dvc", "PodInitializing", null));
        Pod done = withInit(pod("Failed"), false);
        done.getStatus()
                .getInitContainerStatuses()
                .add(new ContainerStatusBuilder(terminated("Completed", 0, null))
                        .withName("fetch")
                        .build());

        assertThat(PodStatus.of(oom).failure().kind()).isEqualTo(PodFailure.Kind.OOM_KILLED);
        assertThat(PodStatus.of(oom).failure().message())
                .startsWith("Init container fetch was terminated (Exit Code:" + " 137, Reason: OOMKilled)");
        assertThat(PodStatus.of(failed).failure().message())
                .isEqualTo("The pod failed: (no message); init container fetch terminated (Exit Code: 2, Reason:"
                        + " Error)");
        assertThat(PodStatus.of(done).failure().message()).isEqualTo("The pod failed: (no message)");
    }

    /** A sidecar's earlier OOM kill was a restart the kubelet made: the pod runs on. */
    @Test
    void aRestartedSidecarIsNoFailure() {
        Pod pod = withInit(pod("Running"), true);
        pod.getStatus()
                .getInitContainerStatuses()
                .add(lastTerminated(
                        new ContainerStatusBuilder()
                                .withName("fetch")
                                .withNewState()
                                .withNewRunning()
                                .endRunning()
                                .endState()
                                .build(),
                        "OOMKilled",
                        137,
                        null));

        assertThat(PodStatus.of(pod).isRunning()).isTrue();
    }

    private static void assertInitBackOff(Pod pod, String described, PodFailure backOff) {
        PodStatus status = PodStatus.of(pod);

        assertThat(status.optionalFailure()).isEmpty();
        assertThat(status.describe()).isEqualTo(described);
        assertThat(status.optionalBackOff().orElseThrow()).isEqualTo(backOff);
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus lastTerminated(
            io.fabric8.kubernetes.api.model.ContainerStatus status, String reason, int code, String message) {
        return new ContainerStatusBuilder(status)
                .withNewLastState()
                .withNewTerminated()
                .withReason(reason)
                .withExitCode(code)
                .withMessage(message)
                .endTerminated()
                .endLastState()
                .build();
    }

    private static Pod withInit(Pod pod, boolean sidecar) {
        return new PodBuilder(pod)
                .withNewSpec()
                .addNewInitContainer()
                .withName("fetch")
                .withRestartPolicy(sidecar ? "Always" : null)
                .endInitContainer()
                .addNewContainer()
                .withName("dvc")
                .endContainer()
                .endSpec()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus waitingStatus(
            String name, String reason, String message) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withNewState()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .endState()
                .build();
    }

    /**
     * A pressure eviction carries {@code DisruptionTarget} ({@code TerminationByKubelet}) and is retried; an
     * eviction without it of a pod that ran (ephemeral storage or an emptyDir's sizeLimit exceeded) is the pod's own
     * doing. Messages as {@code pkg/kubelet/eviction/helpers.go} v1.35.4 formats them (nodeLowMessageFmt,
     * thresholdMetMessageFmt, containerMessageFmt; emptyDirMessageFmt).
     */
    @Test
    void anEvictionWithItsDisruptionTargetIsRetryableOneWithoutIsNot() {
        Pod pressure = pod("Failed");
        pressure.getStatus().setReason("Evicted");
        pressure.getStatus()
                .setMessage("The node was low on resource: memory. Threshold quantity: 100Mi, available: 51200Ki."
                        + " Container dvc was using 15Gi, request is 14Gi, has larger consumption of memory. ");
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
        sizeLimit.getStatus().getContainerStatuses().add(terminated("Error", 137, null));

        assertThat(PodStatus.of(pressure).failure())
                .isEqualTo(new PodFailure(
                        PodFailure.Kind.EVICTED,
                        "The pod was evicted: The node was low on resource: memory. Threshold quantity: 100Mi,"
                                + " available: 51200Ki. Container dvc was using 15Gi, request is 14Gi, has larger"
                                + " consumption of memory."));
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

    private static Pod waiting(String reason, String message) {
        Pod pod = pod("Pending");
        pod.getStatus().getContainerStatuses().add(waitingStatus("dvc", reason, message));
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
