package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One container's crash loop, followed from pod status to pod status as the kubelet keeps one back-off per container
 * ({@code doBackOff} keys it by pod UID and container, {@code GetBackoffKey}). It lasts from its first
 * {@code CrashLoopBackOff} seen, less the time the container ran meanwhile (by the kubelet's {@code startedAt} and
 * {@code finishedAt}): only the kubelet's waits count. It ends when the container is gone from the status, shows a
 * lower restart count or another waiting reason, exits in a way the kubelet does not restart
 * ({@link ContainerRestarts}), or starts more than {@link #RESET} after its previous start: the kubelet's back-off
 * has then expired ({@code pkg/kubelet/kubelet.go} sets the crash-loop back-off's {@code HasExpiredFunc} to more than
 * 600 s since its last step, and {@code Backoff.GC}, which the kubelet's housekeeping runs every 2 s, drops such
 * entries), whether the run itself was longer or the wait after it. That gap is judged only between two starts one
 * restart apart: when the restart count grew by two or more between two reads, the gap spans several runs and
 * back-offs and says nothing of any one of them. The kubelet's key ({@code GetBackoffKey},
 * {@code pkg/kubelet/kuberuntime/helpers.go}) also holds the container's image and resources, so an image change or
 * an in-place resize starts its back-off afresh, which this loop does not see; and a kubelet without the
 * {@code ContainerRestartRules} feature gate (an older one) ignores the containers' restart rules
 * ({@link ContainerRestarts}).
 */
final class CrashLoop {
    /** Restarts further apart than this start the kubelet's crash-loop back-off afresh: 600 s. */
    static final Duration RESET = Duration.ofSeconds(600);

    private static final String REASON = "CrashLoopBackOff";

    private final String name;
    private final boolean init;
    private final Instant since;
    private int restarts;
    private Instant lastStart;
    private Instant counted;
    private Duration ran = Duration.ZERO;

    private CrashLoop(String name, boolean init, Instant since, int restarts, Instant lastStart) {
        this.name = name;
        this.init = init;
        this.since = since;
        this.restarts = restarts;
        this.lastStart = lastStart;
        this.counted = lastStart;
    }

    /**
     * The loop of a container seen in {@code CrashLoopBackOff} for the first time.
     *
     * @param status the container's status, in {@code CrashLoopBackOff}
     * @param init whether it is an init container
     * @param now when it was read
     * @return its loop
     */
    static CrashLoop start(ContainerStatus status, boolean init, Instant now) {
        ContainerState last = status.getLastState();
        Instant crashed = last == null || last.getTerminated() == null
                ? null
                : instant(last.getTerminated().getStartedAt());
        return new CrashLoop(status.getName(), init, now, restarts(status), crashed);
    }

    /** Whether a container's status shows it in {@code CrashLoopBackOff}. */
    static boolean crashLooping(ContainerStatus status) {
        return status.getState() != null
                && status.getState().getWaiting() != null
                && REASON.equals(status.getState().getWaiting().getReason());
    }

    /** Whether this is the loop of that container. */
    boolean of(String container, boolean initContainer) {
        return name.equals(container) && init == initContainer;
    }

    /**
     * How long the loop has lasted: the time since its first back-off less the container's runs since.
     *
     * @param now when the pod was read
     * @return the time, never negative
     */
    Duration lasted(Instant now) {
        Duration lasted = Duration.between(since, now).minus(ran);
        return lasted.isNegative() ? Duration.ZERO : lasted;
    }

    /**
     * Reads the next status of the pod.
     *
     * @param pod the pod as read
     * @return whether the container is still in this loop
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
        int grew = restarts(found) - restarts;
        restarts = restarts(found);
        ContainerState state = found.getState() == null ? new ContainerState() : found.getState();
        ContainerStateTerminated ended = state.getTerminated() != null
                ? state.getTerminated()
                : found.getLastState() == null ? null : found.getLastState().getTerminated();
        Instant started = state.getRunning() != null
                ? instant(state.getRunning().getStartedAt())
                : ended == null ? null : instant(ended.getStartedAt());
        if (started != null && (lastStart == null || started.isAfter(lastStart))) {
            if (lastStart != null
                    && grew == 1
                    && Duration.between(lastStart, started).compareTo(RESET) > 0) {
                return false;
            }
            lastStart = started;
        }
        count(ended);
        if (state.getWaiting() != null) {
            String reason = state.getWaiting().getReason();
            return reason == null || reason.isEmpty() || REASON.equals(reason);
        }
        ContainerStateTerminated terminated = state.getTerminated();
        return terminated == null
                || terminated.getExitCode() == null
                || ContainerRestarts.after(pod, name, init, terminated.getExitCode());
    }

    /** Adds a run that ended to the time the container ran, once. */
    private void count(ContainerStateTerminated run) {
        Instant started = run == null ? null : instant(run.getStartedAt());
        Instant finished = run == null ? null : instant(run.getFinishedAt());
        if (started == null || finished == null || (counted != null && !started.isAfter(counted))) {
            return;
        }
        counted = started;
        ran = ran.plus(Duration.between(started, finished));
    }

    private static Instant instant(String time) {
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int restarts(ContainerStatus status) {
        return status.getRestartCount() == null ? 0 : status.getRestartCount();
    }
}
