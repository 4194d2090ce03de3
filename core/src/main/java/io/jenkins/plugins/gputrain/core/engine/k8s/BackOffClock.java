package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long the failure the kubelet keeps retrying ({@link PodStatus#backOff}) has lasted, read from one pod status
 * after another. An image or configuration back-off lasts while statuses show one of the same kind. A crash loop
 * ({@code CrashLoopBackOff}) is followed across the states the kubelet writes between its back-offs: the restarted
 * container running, then terminated ({@code Error}), then in {@code CrashLoopBackOff} again, its
 * {@code restartCount} growing. It lasts from the first {@code CrashLoopBackOff} seen for as long as the kubelet's own
 * back-off does ({@code pkg/kubelet/kuberuntime/kuberuntime_manager.go} doBackOff at v1.35.4: one back-off per
 * container of the pod, {@code GetBackoffKey} of pod UID, container name, image and resources), which starts afresh
 * only when a run ended more than {@link #RESET} after the back-off's last step ({@code pkg/kubelet/kubelet.go}: the
 * crash-loop back-off's {@code HasExpiredFunc}). So a loop ends when that container completes (exit code 0, not a
 * sidecar), shows another waiting reason, shows a lower restart count, is gone from the status, or ran longer than
 * {@link #RESET}.
 */
final class BackOffClock {
    /** A run longer than this resets the kubelet's crash-loop back-off: 600 s. */
    static final Duration RESET = Duration.ofSeconds(600);

    private static final String CRASH_LOOP = "CrashLoopBackOff";

    private PodFailure.Kind kind;
    private Instant since;
    private Loop loop;

    /**
     * Reads the next status of the pod.
     *
     * @param pod the pod as read
     * @param status what its status says
     * @param now when it was read
     * @return how long its back-off has lasted, or empty when it shows none
     */
    Optional<Duration> lasted(Pod pod, PodStatus status, Instant now) {
        PodFailure backOff = status.optionalBackOff().orElse(null);
        if (loop != null && !loop.continuesIn(pod)) {
            loop = null;
            kind = null;
        }
        if (backOff == null) {
            if (loop == null) {
                kind = null;
            }
            return Optional.empty();
        }
        if (backOff.kind() == PodFailure.Kind.CRASH_LOOP) {
            Optional<Loop> seen = Loop.in(pod);
            if (loop == null || !seen.map(loop::same).orElse(false)) {
                since = now;
            }
            loop = seen.orElse(null);
        } else if (backOff.kind() != kind) {
            since = now;
            loop = null;
        }
        kind = backOff.kind();
        return Optional.of(Duration.between(since, now));
    }

    /**
     * A container in {@code CrashLoopBackOff}.
     *
     * @param name the container's name
     * @param init whether it is an init container
     * @param restarts its {@code restartCount} when last seen
     */
    private record Loop(String name, boolean init, int restarts) {
        /** The first container in {@code CrashLoopBackOff}, init containers first, as {@link PodStatus} reads them. */
        static Optional<Loop> in(Pod pod) {
            Stream<Loop> inits = pod.getStatus().getInitContainerStatuses().stream()
                    .filter(Loop::crashLooping)
                    .map(c -> new Loop(c.getName(), true, restarts(c)));
            Stream<Loop> mains = pod.getStatus().getContainerStatuses().stream()
                    .filter(Loop::crashLooping)
                    .map(c -> new Loop(c.getName(), false, restarts(c)));
            return Stream.concat(inits, mains).findFirst();
        }

        boolean same(Loop other) {
            return name.equals(other.name) && init == other.init && other.restarts >= restarts;
        }

        /**
         * Whether the pod's status shows this container still in its loop. A run that lasted longer than
         * {@link #RESET} ends it when first seen (its restart count above the one last seen), terminated or as the
         * last state of the run after it: the kubelet restarts such a container at once, without a back-off.
         */
        boolean continuesIn(Pod pod) {
            List<ContainerStatus> statuses = pod.getStatus() == null
                    ? List.of()
                    : init
                            ? pod.getStatus().getInitContainerStatuses()
                            : pod.getStatus().getContainerStatuses();
            ContainerStatus found = statuses.stream()
                    .filter(c -> name.equals(c.getName()))
                    .findFirst()
                    .orElse(null);
            if (found == null || restarts(found) < restarts) {
                return false;
            }
            ContainerState state = found.getState() == null ? new ContainerState() : found.getState();
            ContainerState last = found.getLastState() == null ? new ContainerState() : found.getLastState();
            if (restarts(found) > restarts && (longer(state.getTerminated()) || longer(last.getTerminated()))) {
                return false;
            }
            if (state.getWaiting() != null) {
                String reason = state.getWaiting().getReason();
                return reason == null || reason.isEmpty() || CRASH_LOOP.equals(reason);
            }
            ContainerStateTerminated terminated = state.getTerminated();
            return terminated == null
                    || terminated.getExitCode() == null
                    || terminated.getExitCode() != 0
                    || sidecar(pod);
        }

        private boolean sidecar(Pod pod) {
            return init
                    && pod.getSpec() != null
                    && pod.getSpec().getInitContainers().stream()
                            .filter(c -> name.equals(c.getName()))
                            .map(Container::getRestartPolicy)
                            .anyMatch("Always"::equals);
        }

        /** Whether a run lasted longer than {@link #RESET}, by the kubelet's own start and finish times. */
        private static boolean longer(ContainerStateTerminated run) {
            try {
                return run != null
                        && run.getStartedAt() != null
                        && run.getFinishedAt() != null
                        && Duration.between(Instant.parse(run.getStartedAt()), Instant.parse(run.getFinishedAt()))
                                        .compareTo(RESET)
                                > 0;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private static boolean crashLooping(ContainerStatus status) {
            return status.getState() != null
                    && status.getState().getWaiting() != null
                    && CRASH_LOOP.equals(status.getState().getWaiting().getReason());
        }

        private static int restarts(ContainerStatus status) {
            return status.getRestartCount() == null ? 0 : status.getRestartCount();
        }
    }
}
