package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a training pod's status says: its phase, what it waits for, and whether it has failed, read from the
 * {@code reason} fields of the pod, its conditions and its container states.
 *
 * @param phase {@code Pending}, {@code Running}, {@code Succeeded}, {@code Failed} or {@code Unknown}
 * @param waitingFor why a pending pod waits (the scheduler's message, or the container's waiting reason), or
 *     {@code null}
 * @param unschedulable whether the scheduler reported that no node fits
 * @param failure why the pod cannot go on, or {@code null}
 */
public record PodStatus(String phase, String waitingFor, boolean unschedulable, PodFailure failure) {
    private static final Set<String> IMAGE_PULL = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");
    private static final Set<String> CONTAINER_CONFIG = Set.of("CreateContainerConfigError", "CreateContainerError");

    /**
     * Reads a pod's status.
     *
     * @param pod the pod as the API server returned it
     * @return what it says
     */
    public static PodStatus of(Pod pod) {
        var status = pod.getStatus();
        if (status == null) {
            return new PodStatus("Pending", null, false, null);
        }
        String phase = status.getPhase() == null ? "Pending" : status.getPhase();
        String reason = status.getReason();
        if ("Evicted".equals(reason)) {
            return failed(phase, PodFailure.Kind.EVICTED, "The pod was evicted: " + message(status.getMessage()));
        }
        if ("NodeLost".equals(reason) || "NodeShutdown".equals(reason)) {
            return failed(phase, PodFailure.Kind.NODE_LOST, "The pod's node was lost: " + message(status.getMessage()));
        }
        if ("DeadlineExceeded".equals(reason)) {
            return failed(
                    phase,
                    PodFailure.Kind.DEADLINE_EXCEEDED,
                    "The pod ran longer than its deadline" + " (activeDeadlineSeconds): "
                            + message(status.getMessage()));
        }
        for (ContainerStatus container : status.getContainerStatuses()) {
            Optional<PodFailure> failure = containerFailure(container);
            if (failure.isPresent()) {
                return new PodStatus(phase, null, false, failure.get());
            }
        }
        if ("Failed".equals(phase)) {
            return failed(
                    phase,
                    PodFailure.Kind.FAILED,
                    "The pod failed" + (reason == null ? "" : " (" + reason + ")") + ": "
                            + message(status.getMessage()));
        }
        PodCondition scheduled = condition(status.getConditions(), "PodScheduled");
        if (scheduled != null
                && "False".equals(scheduled.getStatus())
                && "Unschedulable".equals(scheduled.getReason())) {
            return new PodStatus(phase, message(scheduled.getMessage()), true, null);
        }
        String waiting = status.getContainerStatuses().stream()
                .map(ContainerStatus::getState)
                .filter(state -> state != null
                        && state.getWaiting() != null
                        && state.getWaiting().getReason() != null)
                .map(state -> state.getWaiting().getReason())
                .findFirst()
                .orElse(null);
        return new PodStatus(phase, waiting, false, null);
    }

    /** Whether the pod runs and commands can be executed in it. */
    public boolean isRunning() {
        return "Running".equals(phase) && failure == null;
    }

    /** The failure, if any. */
    public Optional<PodFailure> optionalFailure() {
        return Optional.ofNullable(failure);
    }

    /** A progress line, e.g. {@code Pending: 0/3 nodes are available: 1 Insufficient nvidia.com/gpu}. */
    public String describe() {
        return waitingFor == null ? phase : phase + ": " + waitingFor;
    }

    private static Optional<PodFailure> containerFailure(ContainerStatus container) {
        ContainerState state = container.getState();
        if (state != null && state.getWaiting() != null) {
            String reason = state.getWaiting().getReason();
            String detail = "Container " + container.getName() + " cannot start (Reason: " + reason + "): "
                    + message(state.getWaiting().getMessage());
            if (IMAGE_PULL.contains(reason)) {
                return Optional.of(new PodFailure(PodFailure.Kind.IMAGE_PULL, detail));
            }
            if (CONTAINER_CONFIG.contains(reason)) {
                return Optional.of(new PodFailure(PodFailure.Kind.CONTAINER_CONFIG, detail));
            }
        }
        for (ContainerState terminated : new ContainerState[] {state, container.getLastState()}) {
            if (terminated != null
                    && terminated.getTerminated() != null
                    && "OOMKilled".equals(terminated.getTerminated().getReason())) {
                return Optional.of(new PodFailure(
                        PodFailure.Kind.OOM_KILLED,
                        "Container " + container.getName()
                                + " was terminated (Exit Code: "
                                + terminated.getTerminated().getExitCode()
                                + ", Reason: OOMKilled); a larger cpuMemory is needed, retrying the same size would fail"
                                + " again"));
            }
        }
        return Optional.empty();
    }

    private static PodCondition condition(List<PodCondition> conditions, String type) {
        return conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(null);
    }

    private static PodStatus failed(String phase, PodFailure.Kind kind, String message) {
        return new PodStatus(phase, null, false, new PodFailure(kind, message));
    }

    private static String message(String message) {
        return message == null || message.isBlank()
                ? "(no message)"
                : message.strip().replace('\n', ' ');
    }
}
