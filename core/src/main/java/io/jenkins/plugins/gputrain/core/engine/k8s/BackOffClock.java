package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long the failure the kubelet keeps retrying ({@link PodStatus#backOff}) has lasted, read from one pod status
 * after another. An image or configuration back-off lasts while statuses show one of the same kind. A crash loop
 * ({@code CrashLoopBackOff}) is followed for each container on its own ({@link CrashLoop}), as the kubelet backs off
 * each one ({@code pkg/kubelet/kuberuntime/kuberuntime_manager.go} doBackOff at v1.35.4), across the states the
 * kubelet writes between its back-offs: the restarted container running, then terminated, then in
 * {@code CrashLoopBackOff} again. The time a crash loop has lasted is that of the first container in
 * {@code CrashLoopBackOff}, init containers first, the one {@link PodStatus} names.
 */
final class BackOffClock {
    private PodFailure.Kind kind;
    private Instant since;
    private final List<CrashLoop> loops = new ArrayList<>();

    /**
     * Reads the next status of the pod.
     *
     * @param pod the pod as read
     * @param status what its status says
     * @param now when it was read
     * @return how long its back-off has lasted, or empty when it shows none
     */
    Optional<Duration> lasted(Pod pod, PodStatus status, Instant now) {
        loops.removeIf(loop -> !loop.continuesIn(pod));
        Optional<CrashLoop> first = Optional.empty();
        if (pod.getStatus() != null) {
            Optional<CrashLoop> init = follow(pod.getStatus().getInitContainerStatuses(), true, now);
            Optional<CrashLoop> main = follow(pod.getStatus().getContainerStatuses(), false, now);
            first = init.or(() -> main);
        }
        PodFailure backOff = status.optionalBackOff().orElse(null);
        if (backOff == null) {
            kind = null;
            return Optional.empty();
        }
        if (backOff.kind() == PodFailure.Kind.CRASH_LOOP) {
            kind = backOff.kind();
            return first.map(loop -> loop.lasted(now));
        }
        if (backOff.kind() != kind) {
            since = now;
            kind = backOff.kind();
        }
        return Optional.of(Duration.between(since, now));
    }

    /** Starts the loops of the containers newly in {@code CrashLoopBackOff}; returns the first one's loop. */
    private Optional<CrashLoop> follow(List<ContainerStatus> statuses, boolean init, Instant now) {
        Optional<CrashLoop> first = Optional.empty();
        for (ContainerStatus status : statuses) {
            if (!CrashLoop.crashLooping(status)) {
                continue;
            }
            CrashLoop loop = loops.stream()
                    .filter(l -> l.of(status.getName(), init))
                    .findFirst()
                    .orElse(null);
            if (loop == null) {
                loop = CrashLoop.start(status, init, now);
                loops.add(loop);
            }
            first = first.isPresent() ? first : Optional.of(loop);
        }
        return first;
    }
}
