package io.jenkins.plugins.gputrain.core.engine.k8s;

/**
 * Why a training pod cannot go on, classified on Kubernetes' {@code reason} fields (never on message text).
 *
 * @param kind what went wrong
 * @param message one line for the build log, e.g. {@code Container dvc was terminated (Exit Code: 137, Reason:
 *     OOMKilled)}
 */
public record PodFailure(Kind kind, String message) {
    /** The failures gpu-train tells apart. */
    public enum Kind {
        /** No node could take the pod within the pending timeout; the scheduler's reason is in the message. */
        UNSCHEDULABLE(false),
        /** {@code ErrImagePull}, {@code ImagePullBackOff}, {@code InvalidImageName}. */
        IMAGE_PULL(false),
        /** {@code CreateContainerConfigError}, {@code CreateContainerError} (e.g. a missing Secret). */
        CONTAINER_CONFIG(false),
        /** The container ran out of memory (exit code 137); retrying the same size would fail again. */
        OOM_KILLED(false),
        /** The node evicted the pod (memory or disk pressure, preemption); a new pod may succeed. */
        EVICTED(true),
        /** The node was lost (spot reclaim, failure); a new pod may succeed. */
        NODE_LOST(true),
        /** The pod ran longer than its {@code activeDeadlineSeconds}. */
        DEADLINE_EXCEEDED(false),
        /** The pod failed for another reason. */
        FAILED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether a new pod may succeed where this one failed. */
        public boolean retryable() {
            return retryable;
        }
    }
}
