package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a training pod's status says: its phase, what it waits for, and whether it has failed, read from the
 * {@code reason} fields of the pod, its conditions and its container states (never from message text). The reasons
 * are those Kubernetes v1.35 writes: the kubelet's eviction ({@code Evicted}), node shutdown ({@code Terminated}; older
 * kubelets {@code Shutdown}), admission ({@code OutOf<resource>}, {@code UnexpectedAdmissionError},
 * {@code NodeAffinity}), {@code DeadlineExceeded}, {@code DisruptionTarget} conditions (eviction API, scheduler
 * preemption, taint manager, kubelet), the scheduler's {@code Unschedulable} and {@code SchedulingGated}, and the
 * container states ({@code OOMKilled}, {@code StartError}, image and configuration errors). {@code NodeLost} is no
 * longer written by Kubernetes; it is still read, for older clusters. A pod whose {@code deletionTimestamp} is set
 * without such a reason was deleted by someone else ({@link PodFailure.Kind#DELETED}). Init containers and sidecars
 * (init containers with {@code restartPolicy: Always}) are read as the containers are, and named as init containers:
 * a pod stuck in its init phase says which init container waits and why ({@code Init:ImagePullBackOff}, as kubectl
 * shows it).
 *
 * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed} or {@code Unknown}
 * @param waitingFor why a pending pod waits (the scheduler's message, or the container's waiting reason), or
 *     {@code null}
 * @param unschedulable whether the scheduler reported that no node fits
 * @param failure why the pod cannot go on, or {@code null}
 * @param backOff a failure the kubelet is still retrying (image pulls: {@code ErrImagePull}, {@code ImagePullBackOff}
 *     and the like; {@code CreateContainerConfigError}, {@code CreateContainerError}; an init container or sidecar in
 *     {@code CrashLoopBackOff}): it fails the pod only when it persists ({@link KubeletBackOff}), or {@code null}
 * @param pullError the error of the kubelet's latest failed pull as a container's waiting reason and message show
 *     it, {@code ErrImagePull: …} (the form {@code image_manager.go} keeps as prevPullErrMsg), or {@code null}; kept
 *     by {@link PodRunner} for when the back-off's own message no longer carries it
 */
public record PodStatus(
        String phase,
        String waitingFor,
        boolean unschedulable,
        PodFailure failure,
        PodFailure backOff,
        String pullError) {
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

    /** Reasons of a pull that was tried and failed, whose message is the runtime's error ({@code image_manager.go}). */
    private static final Set<String> PULL_ATTEMPT =
            Set.of("ErrImagePull", "RegistryUnavailable", "SignatureValidationFailed");

    private static final Set<String> CONTAINER_CONFIG = Set.of("CreateContainerConfigError", "CreateContainerError");

    /** {@code pkg/kubelet/container/sync_result.go} ErrCrashLoopBackOff: a restarted container that keeps failing. */
    private static final String CRASH_LOOP = "CrashLoopBackOff";

    /**
     * {@code pkg/kubelet/container/runtime.go} ContainerReasonStatusUnknown: the kubelet lost the container's state
     * (its runtime no longer knows a container it saw running, e.g. after a node restart) and wrote it terminated
     * with exit code 137 ({@code kubelet_pods.go} convertToAPIContainerStatuses, {@code status/status_manager.go}).
     */
    private static final String STATUS_UNKNOWN = "ContainerStatusUnknown";

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
            return new PodStatus("Pending", null, false, null, null, null);
        }
        String phase = status.getPhase() == null ? "Pending" : status.getPhase();
        List<Named> containers = Named.all(pod);
        PodCondition disruption = condition(status.getConditions(), DISRUPTION_TARGET);
        Optional<PodFailure> podFailure =
                podFailure(status.getReason(), status.getMessage(), disruption, Named.noneStarted(containers));
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
        Optional<PodFailure> deleted = deleted(pod, phase);
        PodFailure backOff = null;
        String pullError = null;
        for (Named container : containers) {
            Optional<PodFailure> failure = containerFailure(pod, container);
            if (failure.isPresent()) {
                return failed(
                        phase,
                        failure.get().kind() == PodFailure.Kind.CONTAINER_LOST && deleted.isPresent()
                                ? lostWithDeletion(deleted.get(), container)
                                : failure.get());
            }
            backOff = backOff == null ? retriedFailure(container) : backOff;
            pullError = pullError == null ? pullError(container) : pullError;
        }
        if (deleted.isPresent()) {
            return failed(phase, deleted.get());
        }
        if ("Failed".equals(phase)) {
            String reason = status.getReason();
            return failed(
                    phase,
                    new PodFailure(
                            PodFailure.Kind.FAILED,
                            "The pod failed" + (reason == null ? "" : " (" + reason + ")") + ": "
                                    + message(status.getMessage()) + terminated(containers)));
        }
        PodCondition scheduled = condition(status.getConditions(), "PodScheduled");
        if (scheduled != null && "False".equals(scheduled.getStatus())) {
            if ("Unschedulable".equals(scheduled.getReason())) {
                return new PodStatus(phase, message(scheduled.getMessage()), true, null, null, null);
            }
            if ("SchedulingGated".equals(scheduled.getReason())) {
                return new PodStatus(
                        phase,
                        "SchedulingGated (the pod's schedulingGates hold it back: " + message(scheduled.getMessage())
                                + ")",
                        false,
                        null,
                        null,
                        null);
            }
        }
        String waiting = containers.stream()
                .map(Named::waitingFor)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
        return new PodStatus(phase, waiting, false, null, backOff, pullError);
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

    /** The kubelet's latest pull error, if a container shows one. */
    public Optional<String> optionalPullError() {
        return Optional.ofNullable(pullError);
    }

    /**
     * The pod-level reason. {@code Evicted} comes three ways ({@code pkg/kubelet/eviction/eviction_manager.go} at
     * v1.35.4): a pressure eviction of a running pod carries a {@code DisruptionTarget} condition
     * ({@code TerminationByKubelet}) and is retried; the eviction manager's admission check ({@code Admit}) refuses a
     * new pod on a node under DiskPressure or PIDPressure (or MemoryPressure, for a BestEffort pod) before any of its
     * containers starts ({@code kubelet.go} rejectPod: {@code Pod was rejected: The node had condition: […]}), which
     * another node may take, so it is retried too; and an eviction of a pod that ran, without the condition, is the
     * kubelet's for the pod's own use (ephemeral storage, an emptyDir's sizeLimit: localStorageEviction), which a new
     * pod would repeat.
     */
    private static Optional<PodFailure> podFailure(
            String reason, String text, PodCondition disruption, boolean noneStarted) {
        if (reason == null) {
            return Optional.empty();
        }
        if ("Evicted".equals(reason)) {
            if (disruption != null && "True".equals(disruption.getStatus())) {
                return Optional.of(new PodFailure(PodFailure.Kind.EVICTED, "The pod was evicted: " + message(text)));
            }
            return Optional.of(
                    noneStarted
                            ? rejected(reason, text)
                            : new PodFailure(
                                    PodFailure.Kind.EXCEEDED_OWN_LIMIT,
                                    "The pod was evicted for exceeding its own limit, a new pod would too: "
                                            + message(text)));
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
            return Optional.of(rejected(reason, text));
        }
        return Optional.empty();
    }

    /**
     * A pod whose {@code deletionTimestamp} is set: deleted by someone else (gpu-train reads its pods' status only
     * before it deletes them). {@code DisruptionTarget} deletions (eviction API, taint manager, PodGC) are read before.
     */
    private static Optional<PodFailure> deleted(Pod pod, String phase) {
        String deletion = pod.getMetadata() == null ? null : pod.getMetadata().getDeletionTimestamp();
        if (deletion == null) {
            return Optional.empty();
        }
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        return Optional.of(new PodFailure(
                PodFailure.Kind.DELETED,
                "The pod was deleted by someone other than gpu-train ("
                        + ("Pending".equals(phase) ? "before it ran" : "while " + phase)
                        + "; deletionTimestamp " + deletion
                        + (grace == null ? "" : ", grace period " + grace + "s") + ")"));
    }

    /**
     * A lost container of a deleted pod is the deletion's doing: the kubelet, stopping the pod, marks the containers
     * it can no longer find {@value #STATUS_UNKNOWN} ({@code pkg/kubelet/status/status_manager.go} TerminatePod,
     * {@code kubelet_pods.go} convertToAPIContainerStatuses at v1.35.4: "The container could not be located when the
     * pod was deleted"/"terminated", exit code 137), so it is the deletion, not a retryable loss.
     */
    private static PodFailure lostWithDeletion(PodFailure deleted, Named container) {
        return new PodFailure(
                PodFailure.Kind.DELETED,
                deleted.message() + "; " + lowerFirst(container.label()) + " was stopped with it "
                        + container.lost().map(PodStatus::exit).orElse("(Reason: " + STATUS_UNKNOWN + ")"));
    }

    private static PodFailure rejected(String reason, String text) {
        return new PodFailure(
                PodFailure.Kind.ADMISSION_REJECTED,
                "The node's kubelet rejected the pod (Reason: " + reason + "): " + message(text));
    }

    private static Optional<PodFailure> containerFailure(Pod pod, Named container) {
        ContainerState state = container.status().getState();
        if (state != null && state.getWaiting() != null) {
            String reason = state.getWaiting().getReason();
            if (IMAGE_PULL_FINAL.contains(reason)) {
                return Optional.of(new PodFailure(PodFailure.Kind.IMAGE_PULL, cannotStart(container, state)));
            }
        }
        for (ContainerStateTerminated terminated : container.terminations()) {
            String reason = terminated.getReason();
            if ("OOMKilled".equals(reason)) {
                return Optional.of(new PodFailure(
                        PodFailure.Kind.OOM_KILLED,
                        container.label() + " was terminated (Exit Code: " + terminated.getExitCode()
                                + ", Reason: OOMKilled); "
                                + MemoryAdvice.of(pod.getSpec(), container.field(), container.spec(), container.init())
                                        .describe()
                                + ", retrying the same size would fail again"));
            }
            if ("StartError".equals(reason)) {
                return Optional.of(new PodFailure(
                        PodFailure.Kind.START_ERROR,
                        container.label() + " could not start (Exit Code: " + terminated.getExitCode()
                                + ", Reason: StartError): " + message(terminated.getMessage())));
            }
            if (STATUS_UNKNOWN.equals(reason)) {
                return Optional.of(new PodFailure(
                        PodFailure.Kind.CONTAINER_LOST,
                        container.label() + "'s state was lost by its node's kubelet (Exit Code: "
                                + terminated.getExitCode() + ", Reason: " + STATUS_UNKNOWN + "): "
                                + message(terminated.getMessage())
                                + "; e.g. the node restarted, a new pod may succeed"));
            }
        }
        return Optional.empty();
    }

    private static PodFailure retriedFailure(Named container) {
        ContainerState state = container.status().getState();
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
        if (CRASH_LOOP.equals(reason)) {
            ContainerState last = container.status().getLastState();
            ContainerStateTerminated terminated = last == null ? null : last.getTerminated();
            return new PodFailure(
                    PodFailure.Kind.CRASH_LOOP,
                    container.label() + " keeps failing (Reason: " + CRASH_LOOP + "): "
                            + message(state.getWaiting().getMessage())
                            + (terminated == null ? "" : "; its last run: " + exit(terminated)));
        }
        return null;
    }

    private static String pullError(Named container) {
        ContainerState state = container.status().getState();
        if (state == null
                || state.getWaiting() == null
                || !PULL_ATTEMPT.contains(state.getWaiting().getReason())
                || state.getWaiting().getMessage() == null
                || state.getWaiting().getMessage().isBlank()) {
            return null;
        }
        return state.getWaiting().getReason() + ": "
                + message(state.getWaiting().getMessage());
    }

    private static String cannotStart(Named container, ContainerState state) {
        return container.label() + " cannot start (Reason: "
                + state.getWaiting().getReason() + "): "
                + message(state.getWaiting().getMessage());
    }

    /**
     * {@code ; container dvc terminated (Exit Code: 1, Reason: Error): …} for each terminated container, and for each
     * init container that failed (one that completed with exit code 0 says nothing).
     */
    private static String terminated(List<Named> containers) {
        StringBuilder text = new StringBuilder();
        for (Named container : containers) {
            ContainerStateTerminated terminated = container.status().getState() == null
                    ? null
                    : container.status().getState().getTerminated();
            if (terminated != null && (!container.init() || nonZero(terminated))) {
                text.append("; ")
                        .append(lowerFirst(container.label()))
                        .append(" terminated ")
                        .append(exit(terminated));
            }
        }
        return text.toString();
    }

    /** {@code (Exit Code: 1, Reason: Error): message}, the message only when there is one. */
    private static String exit(ContainerStateTerminated terminated) {
        String text = "(Exit Code: " + terminated.getExitCode() + ", Reason: " + terminated.getReason() + ")";
        return terminated.getMessage() == null || terminated.getMessage().isBlank()
                ? text
                : text + ": " + message(terminated.getMessage());
    }

    private static boolean nonZero(ContainerStateTerminated terminated) {
        return terminated.getExitCode() == null || terminated.getExitCode() != 0;
    }

    private static PodCondition condition(List<PodCondition> conditions, String type) {
        return conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(null);
    }

    private static PodStatus failed(String phase, PodFailure failure) {
        return new PodStatus(phase, null, false, failure, null, null);
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String message(String message) {
        return message == null || message.isBlank()
                ? "(no message)"
                : message.strip().replace('\n', ' ');
    }

    /**
     * One container's status with what it is: init containers first, in their order, then the containers, as the
     * kubelet runs them.
     *
     * @param status the container's status
     * @param init whether it is an init container (a sidecar included)
     * @param sidecar whether it is an init container with {@code restartPolicy: Always}
     * @param field its place in the pod spec as the API server names it, e.g. {@code spec.initContainers[0]}, or
     *     {@code null} when the spec does not list it
     * @param spec its spec, or {@code null} when the pod spec does not list it
     */
    private record Named(ContainerStatus status, boolean init, boolean sidecar, String field, Container spec) {
        static List<Named> all(Pod pod) {
            List<Container> inits =
                    pod.getSpec() == null ? List.of() : pod.getSpec().getInitContainers();
            List<Container> mains =
                    pod.getSpec() == null ? List.of() : pod.getSpec().getContainers();
            Set<String> sidecars = inits.stream()
                    .filter(c -> "Always".equals(c.getRestartPolicy()))
                    .map(Container::getName)
                    .collect(Collectors.toSet());
            List<Named> all = new ArrayList<>();
            pod.getStatus()
                    .getInitContainerStatuses()
                    .forEach(c -> all.add(of(c, true, sidecars.contains(c.getName()), "spec.initContainers", inits)));
            pod.getStatus().getContainerStatuses().forEach(c -> all.add(of(c, false, false, "spec.containers", mains)));
            return all;
        }

        private static Named of(
                ContainerStatus status, boolean init, boolean sidecar, String list, List<Container> containers) {
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i).getName().equals(status.getName())) {
                    return new Named(status, init, sidecar, list + "[" + i + "]", containers.get(i));
                }
            }
            return new Named(status, init, sidecar, null, null);
        }

        /** Whether no container ever started: none runs, none terminated, none has an earlier run. */
        static boolean noneStarted(List<Named> containers) {
            return containers.stream().allMatch(c -> {
                ContainerState state = c.status().getState();
                ContainerState last = c.status().getLastState();
                return (state == null || (state.getRunning() == null && state.getTerminated() == null))
                        && (last == null || last.getTerminated() == null);
            });
        }

        /** The terminations that tell its fate: a sidecar's present one (earlier ones are restarts), else also the last. */
        List<ContainerStateTerminated> terminations() {
            List<ContainerState> states = sidecar
                    ? Arrays.asList(status.getState())
                    : Arrays.asList(status.getState(), status.getLastState());
            return states.stream()
                    .filter(state -> state != null && state.getTerminated() != null)
                    .map(ContainerState::getTerminated)
                    .toList();
        }

        /** Its termination as lost by the kubelet ({@value #STATUS_UNKNOWN}), if it is one. */
        Optional<ContainerStateTerminated> lost() {
            return terminations().stream()
                    .filter(t -> STATUS_UNKNOWN.equals(t.getReason()))
                    .findFirst();
        }

        String label() {
            return (init ? (sidecar ? "Sidecar container " : "Init container ") : "Container ") + status.getName();
        }

        /**
         * Its waiting reason; an init container's as kubectl shows it, {@code Init:ImagePullBackOff (init container
         * fetch)}, since the containers wait meanwhile with {@code PodInitializing}, saying nothing of why.
         */
        Optional<String> waitingFor() {
            ContainerState state = status.getState();
            String reason = state == null || state.getWaiting() == null
                    ? null
                    : state.getWaiting().getReason();
            if (reason == null || reason.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(
                    init
                            ? "Init:" + reason + " (" + (sidecar ? "sidecar" : "init") + " container "
                                    + status.getName() + ")"
                            : reason);
        }
    }
}
