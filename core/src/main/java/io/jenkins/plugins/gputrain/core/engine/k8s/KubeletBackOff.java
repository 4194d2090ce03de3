package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.time.Duration;

/**
 * How long a failure the kubelet keeps retrying may persist before gpu-train fails the pod, matched to the kubelet's
 * own retries at Kubernetes v1.35.4. Image pulls and crash-looping containers back off exponentially:
 * {@code pkg/kubelet/kubelet.go} imageBackOffPeriod 10 s and MaxImageBackOff 300 s, initialCrashLoopBackOff 10 s and
 * MaxCrashLoopBackOff ({@code apis/config/v1beta1} MaxContainerBackOff) 300 s, the delay doubling after each failure.
 * The allowance lets the kubelet try at about 0, 10, 30, 70, 150 and 310 s, the last one after the back-off has
 * reached its maximum, and gives that try {@link #LAST_TRY} to fail and be written: 6m10s. Configuration errors
 * ({@code CreateContainerConfigError}, {@code CreateContainerError}) are retried on every pod sync, the pod worker
 * requeueing a failed sync after {@code backOffPeriod} (10 s): {@link #SYNC_RETRIES} gives them six tries.
 */
final class KubeletBackOff {
    /** The first delay of the kubelet's exponential back-offs. */
    static final Duration INITIAL = Duration.ofSeconds(10);

    /** Their largest delay. */
    static final Duration MAX = Duration.ofSeconds(300);

    /** Time given to the try made at the largest delay. */
    static final Duration LAST_TRY = Duration.ofSeconds(60);

    /** The allowance for errors retried on every sync. */
    static final Duration SYNC_RETRIES = Duration.ofMinutes(1);

    /** The allowance for exponential back-offs: the delays until the maximum, plus the try made then. */
    static final Duration EXPONENTIAL = exponential();

    private KubeletBackOff() {}

    /**
     * The allowance for one kind of retried failure.
     *
     * @param kind the failure's kind
     * @return how long it may persist
     */
    static Duration allowance(PodFailure.Kind kind) {
        return kind == PodFailure.Kind.CONTAINER_CONFIG ? SYNC_RETRIES : EXPONENTIAL;
    }

    private static Duration exponential() {
        Duration total = Duration.ZERO;
        for (Duration delay = INITIAL; delay.compareTo(MAX) < 0; delay = delay.multipliedBy(2)) {
            total = total.plus(delay);
        }
        return total.plus(LAST_TRY);
    }
}
