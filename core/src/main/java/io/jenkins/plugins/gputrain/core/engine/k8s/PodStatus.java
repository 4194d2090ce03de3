package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a training pod's status says: its phase, what it waits for, and whether it has failed, read from the
 * {@code reason} fields of the pod, its conditions and its container states (never from message text). The reasons
 * are those Kubernetes v1.35 writes: the kubelet's eviction ({@code Evicted}), node shutdown ({@code Terminated}; older
 * kubelets {@code Shutdown}), admission ({@code OutOf<resource>}, {@code UnexpectedAdmissionError},
 * {@code NodeAffinity}), {@code DeadlineExceeded}, {@code DisruptionTarget} conditions (eviction API, scheduler
 * preemption, taint manager, kubelet), the scheduler's {@code Unschedulable} and {@code SchedulingGated}, and the
 * container states ({@code OOMKilled}, {@code StartError}, image and configuration errors). {@code NodeLost} is no
 * longer written by Kubernetes; it is still read, for older clusters. A pod whose {@code deletionTimestamp} is set
 * without such a reason was deleted by someone else ({@link PodFailure.Kind#DELETED}).
 *
 * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed} or {@code Unknown}
 * @param waitingFor why a pending pod waits (the scheduler's message, or the container's waiting reason), or
 *     {@code null}
 * @param unschedulable whether the scheduler reported that no node fits
 * @param failure why the pod cannot go on, or {@code null}
 * @param backOff a failure the kubelet is still retrying (image pulls: {@code ErrImagePull}, {@code ImagePullBackOff}
 *     and the like; {@code CreateContainerConfigError}, {@code CreateContainerError}): it fails the pod only when it
 *     persists ({@link PodRunner}), or {@code null}
 */
public record PodStatus(
        String phase, String waitingFor, boolean unschedulable, PodFailure failure, PodFailure backOff) {
    /**
     * Image reasons the kubelet never retries for this pod ({@code pkg/kubelet/images/types.go}): a name it cannot
     * parse, or an image absent with {@code imagePullPolicy: Never}.
     */
    private static final Set<String> IMAGE_PULL_FINAL = Set.of("InvalidImageName", "ErrImageNeverPull");

    /**
     * Image reasons the kubelet retries on its back-off ({@code image_manager.go}: a failed pull is
     * {@code ErrImagePull}, then {@code ImagePullBackOff} until the next attempt; a registry that does not answer,
     * a signature the runtime refuses and an image the runtime cannot inspect are retried on every sync): one kind,
     * failing once it persists.
     */
    private static final Set<String> IMAGE_PULL_RETRIED = Set.of(
            "ErrImagePull",
            "ImagePullBackOff",
            "RegistryUnavailable",
            "SignatureValidationFailed",
            "ImageInspectError");

    private static final Set<String> CONTAINER_CONFIG = Set.of("CreateContainerConfigError", "CreateContainerError");
    private static final Set<String> NODE_SHUTDOWN = Set.of("Terminated", "Shutdown", "NodeShutdown");
    /**
     * Kubelet admission rejections a new pod may pass (the node changed after scheduling or the kubelet erred:
     * {@code kubelet.go} admissionRejectionReasons, {@code lifecycle/predicate.go}, the volume manager); the rest of
     * that list (SysctlForbidden, AppArmor, PodOS*, PodLevelResourcesNotSupported, …) says the pod itself cannot run
     * on such nodes and stays a plain failure. So does the topology manager's {@code TopologyAffinityError}
     * ({@code cm/topologymanager/scope_pod.go}, {@code scope_container.go}: the GPUs and CPUs asked for cannot be
     * aligned on one NUMA node under the node's policy): the scheduler does not see NUMA alignment and would place a
     * new pod on the same node, whose free GPUs drew it there, to be rejected again.
     */
    private static final Set<String> ADMISSION = Set.of(
            "UnexpectedAdmissionError",
            "NodeAffinity",
            "TaintToleration",
            "NodePorts",
            "VolumeAttachmentLimitExceeded",
            "InvalidNodeInfo",
            "UnknownReason",
            "UnexpectedPredicateFailureType");

    private static final String OUT_OF = "OutOf";
    private static final String DISRUPTION_TARGET = "DisruptionTarget";

    /**
     * Reads a pod's status.
     *
     * @param pod the pod as the API server returned it
     * @return what it says
     */
    public static PodStatus of(Pod pod) {
        var status = pod.getStatus();
        if (status == null) {
            return new PodStatus("Pending", null, false, null, null);
        }
        String phase = status.getPhase() == null ? "Pending" : status.getPhase();
        PodCondition disruption = condition(status.getConditions(), DISRUPTION_TARGET);
        Optional<PodFailure> podFailure = podFailure(status.getReason(), status.getMessage(), disruption);
        if (podFailure.isPresent()) {
            return failed(phase, podFailure.get());
        }
        if (disruption != null && "True".equals(disruption.getStatus())) {
            return failed(
                    phase,
                    new PodFailure(
                            PodFailure.Kind.DISRUPTED,
                            "The pod is being stopped (DisruptionTarget: " + disruption.getReason() + "): "
                                    + message(disruption.getMessage())));
        }
        PodFailure backOff = null;
        for (ContainerStatus container : status.getContainerStatuses()) {
            Optional<PodFailure> failure = containerFailure(container);
            if (failure.isPresent()) {
                return failed(phase, failure.get());
            }
            backOff = backOff == null ? retriedFailure(container) : backOff;
        }
        String deletion = pod.getMetadata() == null ? null : pod.getMetadata().getDeletionTimestamp();
        if (deletion != null) {
            Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
            return failed(
                    phase,
                    new PodFailure(
                            PodFailure.Kind.DELETED,
                            "The pod was deleted by someone other than gpu-train ("
                                    + ("Pending".equals(phase) ? "before it ran" : "while " + phase)
                                    + "; deletionTimestamp " + deletion
                                    + (grace == null ? "" : ", grace period " + grace + "s") + ")"));
        }
        if ("Failed".equals(phase)) {
            String reason = status.getReason();
            return failed(
                    phase,
                    new PodFailure(
                            PodFailure.Kind.FAILED,
                            "The pod failed" + (reason == null ? "" : " (" + reason + ")") + ": "
                                    + message(status.getMessage()) + terminated(status.getContainerStatuses())));
        }
        PodCondition scheduled = condition(status.getConditions(), "PodScheduled");
        if (scheduled != null && "False".equals(scheduled.getStatus())) {
            if ("Unschedulable".equals(scheduled.getReason())) {
                return new PodStatus(phase, message(scheduled.getMessage()), true, null, null);
            }
            if ("SchedulingGated".equals(scheduled.getReason())) {
                return new PodStatus(
                        phase,
                        "SchedulingGated (the pod's schedulingGates hold it back: " + message(scheduled.getMessage())
                                + ")",
                        false,
                        null,
                        null);
            }
        }
        String waiting = status.getContainerStatuses().stream()
                .map(ContainerStatus::getState)
                .filter(state -> state != null
                        && state.getWaiting() != null
                        && state.getWaiting().getReason() != null)
                .map(state -> state.getWaiting().getReason())
                .findFirst()
                .orElse(null);
        return new PodStatus(phase, waiting, false, null, backOff);
    }

    /** Whether the pod runs and commands can be executed in it. */
    public boolean isRunning() {
        return "Running".equals(phase) && failure == null;
    }

    /** The failure, if any. */
    public Optional<PodFailure> optionalFailure() {
        return Optional.ofNullable(failure);
    }

    /** The failure the kubelet is still retrying, if any. */
    public Optional<PodFailure> optionalBackOff() {
        return Optional.ofNullable(backOff);
    }

    /** A progress line, e.g. {@code Pending: 0/3 nodes are available: 1 Insufficient nvidia.com/gpu}. */
    public String describe() {
        return waitingFor == null ? phase : phase + ": " + waitingFor;
    }

    /**
     * The pod-level reason; an eviction without a {@code DisruptionTarget} condition is the kubelet's for the pod's
     * own use (ephemeral storage, an emptyDir's sizeLimit: {@code eviction_manager.go} localStorageEviction), which a
     * new pod would repeat; pressure evictions carry the condition ({@code TerminationByKubelet}).
     */
    private static Optional<PodFailure> podFailure(String reason, String text, PodCondition disruption) {
        if (reason == null) {
            return Optional.empty();
        }
        if ("Evicted".equals(reason)) {
            return Optional.of(
                    disruption == null || !"True".equals(disruption.getStatus())
                            ? new PodFailure(
                                    PodFailure.Kind.EXCEEDED_OWN_LIMIT,
                                    "The pod was evicted for exceeding its own limit, a new pod would too: "
                                            + message(text))
                            : new PodFailure(PodFailure.Kind.EVICTED, "The pod was evicted: " + message(text)));
        }
        if (NODE_SHUTDOWN.contains(reason)) {
            return Optional.of(new PodFailure(
                    PodFailure.Kind.NODE_LOST,
                    "The pod's node shut down (Reason: " + reason + ", e.g. a spot instance reclaimed): "
                            + message(text)));
        }
        if ("NodeLost".equals(reason)) {
            return Optional.of(new PodFailure(PodFailure.Kind.NODE_LOST, "The pod's node was lost: " + message(text)));
        }
        if ("DeadlineExceeded".equals(reason)) {
            return Optional.of(new PodFailure(
                    PodFailure.Kind.DEADLINE_EXCEEDED,
                    "The pod ran longer than its deadline (activeDeadlineSeconds): " + message(text)));
        }
        if (ADMISSION.contains(reason) || (reason.startsWith(OUT_OF) && reason.length() > OUT_OF.length())) {
            return Optional.of(new PodFailure(
                    PodFailure.Kind.ADMISSION_REJECTED,
                    "The node's kubelet rejected the pod (Reason: " + reason + "): " + message(text)));
        }
        return Optional.empty();
    }

    private static Optional<PodFailure> containerFailure(ContainerStatus container) {
        ContainerState state = container.getState();
        if (state != null && state.getWaiting() != null) {
            String reason = state.getWaiting().getReason();
            if (IMAGE_PULL_FINAL.contains(reason)) {
                return Optional.of(new PodFailure(PodFailure.Kind.IMAGE_PULL, cannotStart(container, state)));
            }
        }
        for (ContainerState before : new ContainerState[] {state, container.getLastState()}) {
            ContainerStateTerminated terminated = before == null ? null : before.getTerminated();
            if (terminated != null && "OOMKilled".equals(terminated.getReason())) {
                return Optional.of(new PodFailure(
                        PodFailure.Kind.OOM_KILLED,
                        "Container " + container.getName()
                                + " was terminated (Exit Code: "
                                + terminated.getExitCode()
                                + ", Reason: OOMKilled); a larger cpuMemory is needed, retrying the same size would fail"
                                + " again"));
            }
            if (terminated != null && "StartError".equals(terminated.getReason())) {
                return Optional.of(new PodFailure(
                        PodFailure.Kind.START_ERROR,
                        "Container " + container.getName() + " could not start (Exit Code: "
                                + terminated.getExitCode() + ", Reason: StartError): "
                                + message(terminated.getMessage())));
            }
        }
        return Optional.empty();
    }

    private static PodFailure retriedFailure(ContainerStatus container) {
        ContainerState state = container.getState();
        if (state == null || state.getWaiting() == null) {
            return null;
        }
        String reason = state.getWaiting().getReason();
        if (IMAGE_PULL_RETRIED.contains(reason)) {
            return new PodFailure(PodFailure.Kind.IMAGE_PULL, cannotStart(container, state));
        }
        if (CONTAINER_CONFIG.contains(reason)) {
            return new PodFailure(PodFailure.Kind.CONTAINER_CONFIG, cannotStart(container, state));
        }
        return null;
    }

    private static String cannotStart(ContainerStatus container, ContainerState state) {
        return "Container " + container.getName() + " cannot start (Reason: "
                + state.getWaiting().getReason() + "): "
                + message(state.getWaiting().getMessage());
    }

    /** {@code ; container dvc terminated (Exit Code: 1, Reason: Error): …} for each terminated container. */
    private static String terminated(List<ContainerStatus> containers) {
        StringBuilder text = new StringBuilder();
        for (ContainerStatus container : containers) {
            ContainerStateTerminated terminated =
                    container.getState() == null ? null : container.getState().getTerminated();
            if (terminated != null) {
                text.append("; container ")
                        .append(container.getName())
                        .append(" terminated (Exit Code: ")
                        .append(terminated.getExitCode())
                        .append(", Reason: ")
                        .append(terminated.getReason())
                        .append(")");
                if (terminated.getMessage() != null && !terminated.getMessage().isBlank()) {
                    text.append(": ").append(message(terminated.getMessage()));
                }
            }
        }
        return text.toString();
    }

    private static PodCondition condition(List<PodCondition> conditions, String type) {
        return conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(null);
    }

    private static PodStatus failed(String phase, PodFailure failure) {
        return new PodStatus(phase, null, false, failure, null);
    }

    private static String message(String message) {
        return message == null || message.isBlank()
                ? "(no message)"
                : message.strip().replace('\n', ' ');
    }
}
