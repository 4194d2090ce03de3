package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.time.Duration;

/**
 * How long a failure the kubelet keeps retrying may persist before gpu-train fails the pod, from what the kubelet does
 * at Kubernetes v1.35.4 (not counting how long each pull or run itself takes).
 *
 * <p>Image pulls: a failed pull sets the back-off of the pod's image ({@code pkg/kubelet/kubelet.go}
 * imageBackOffPeriod 10 s doubling up to MaxImageBackOff 300 s), counted from the end of that pull
 * ({@code pkg/kubelet/images/image_manager.go} pullImage calls {@code backOff.Next} once the pull has failed, and
 * {@code IsInBackOffSinceUpdate} measures from then). Only a pod sync pulls again: a sync within the back-off fails with
 * {@code ImagePullBackOff}, and the pod worker requeues a failed sync after backOffPeriod 10 s with a jitter of up
 * to half of it ({@code pkg/kubelet/pod_workers.go} completeWork, workerBackOffPeriodJitterFactor 0.5), so a pull
 * starts up to {@link #SLOWEST_SYNC} after its back-off ended. {@link #IMAGE_PULLS} covers the pulls made while the
 * back-off is below its maximum: the sixth starts at most 310 s of back-off plus five requeues (385 s) after the
 * first failed, and gets {@link #LAST_TRY} to fail and be written: 7m25s. After it the kubelet waits 300 s between
 * pulls.
 *
 * <p>Configuration errors ({@code CreateContainerConfigError}, {@code CreateContainerError}) have no back-off of their
 * own: every pod sync retries them, the failed sync requeued 10 to 15 s later, so {@link #SYNC_RETRIES} holds 4 to 6
 * retries after the failure first seen.
 *
 * <p>Crash-looping init containers and sidecars: the restart back-off (initialCrashLoopBackOff 10 s doubling up to
 * MaxCrashLoopBackOff 300 s, the node's default; {@code KubeletCrashLoopBackOffMax}, beta in 1.35, lets a node set
 * another maximum) counts from the container's {@code finishedAt} ({@code pkg/kubelet/kuberuntime/kuberuntime_manager.go}
 * doBackOff); the failed sync is requeued for the back-off's end, capped at the kubelet's syncFrequency (1 min) and
 * jittered by up to half ({@code pod_workers.go} completeWork with {@code MinBackoffExpiration}), so a restart comes up
 * to {@link #SLOWEST_RESTART} late: {@link #EXPONENTIAL}, 8m40s.
 */
final class KubeletBackOff {
    /** The first delay of the kubelet's exponential back-offs. */
    static final Duration INITIAL = Duration.ofSeconds(10);

    /** Their largest delay, the kubelet's default. */
    static final Duration MAX = Duration.ofSeconds(300);

    /** The latest a failed sync is retried: backOffPeriod 10 s plus its jitter of up to half. */
    static final Duration SLOWEST_SYNC = Duration.ofSeconds(15);

    /** The latest a restart comes after its back-off: half of the requeue, itself capped at syncFrequency 1 min. */
    static final Duration SLOWEST_RESTART = Duration.ofSeconds(30);

    /** Time given to the try made at the largest delay below the maximum, to fail and be written. */
    static final Duration LAST_TRY = Duration.ofSeconds(60);

    /** The allowance for errors retried on every sync. */
    static final Duration SYNC_RETRIES = Duration.ofMinutes(1);

    /** The allowance for image pulls: the back-offs below the maximum, each started late by a requeue, plus a try. */
    static final Duration IMAGE_PULLS = exponential(SLOWEST_SYNC);

    /** The allowance for crash loops: the back-offs below the maximum, each restart late by up to 30 s, plus a try. */
    static final Duration EXPONENTIAL = exponential(SLOWEST_RESTART);

    private KubeletBackOff() {}

    /**
     * The allowance for one kind of retried failure.
     *
     * @param kind the failure's kind
     * @return how long it may persist
     */
    static Duration allowance(PodFailure.Kind kind) {
        return switch (kind) {
            case CONTAINER_CONFIG -> SYNC_RETRIES;
            case IMAGE_PULL -> IMAGE_PULLS;
            default -> EXPONENTIAL;
        };
    }

    private static Duration exponential(Duration lateness) {
        Duration total = Duration.ZERO;
        for (Duration delay = INITIAL; delay.compareTo(MAX) < 0; delay = delay.multipliedBy(2)) {
            total = total.plus(delay).plus(lateness);
        }
        return total.plus(LAST_TRY);
    }
}
