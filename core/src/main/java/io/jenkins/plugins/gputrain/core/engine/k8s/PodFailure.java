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
        /** The preflight found no node that can take the pod: labels, taints or allocatable resources. */
        NO_FITTING_NODE(false, false),
        /** No node could take the pod within the pending timeout; the scheduler's reason is in the message. */
        UNSCHEDULABLE(false, false),
        /**
         * {@code InvalidImageName}, {@code ErrImageNeverPull}, or pull errors the kubelet keeps retrying
         * ({@code ErrImagePull}/{@code ImagePullBackOff}, {@code RegistryUnavailable}, …) that persist.
         */
        IMAGE_PULL(false, false),
        /** {@code CreateContainerConfigError}, {@code CreateContainerError} (e.g. a missing Secret), persisting. */
        CONTAINER_CONFIG(false, false),
        /** The container could not start ({@code StartError}: e.g. its command does not exist). */
        START_ERROR(false, false),
        /**
         * An init container or sidecar the kubelet keeps restarting ({@code CrashLoopBackOff}, a pod with
         * {@code restartPolicy} Always or OnFailure), persisting over the kubelet's back-off ({@link KubeletBackOff}).
         */
        CRASH_LOOP(false, false),
        /**
         * The kubelet lost a container's state ({@code ContainerStatusUnknown}, exit code 137: its runtime no longer
         * knows the container, e.g. after a node restart); a new pod may succeed.
         */
        CONTAINER_LOST(true, true),
        /**
         * The node's kubelet refused the pod on admission ({@code OutOf<resource>}, {@code UnexpectedAdmissionError},
         * {@code NodeAffinity}): the node changed after scheduling; a new pod may succeed.
         */
        ADMISSION_REJECTED(true, false),
        /**
         * A {@code DisruptionTarget} condition: the eviction API, the scheduler's preemption, the taint manager or
         * the kubelet stops the pod; a new pod may succeed.
         */
        DISRUPTED(true, true),
        /** The container ran out of memory (exit code 137); retrying the same size would fail again. */
        OOM_KILLED(false, true),
        /** The node evicted the pod (memory or disk pressure, preemption); a new pod may succeed. */
        EVICTED(true, true),
        /**
         * The kubelet evicted the pod for its own use beyond a limit (ephemeral storage, an emptyDir's
         * {@code sizeLimit}): no {@code DisruptionTarget} condition; a new pod would do the same.
         */
        EXCEEDED_OWN_LIMIT(false, true),
        /** The node shut down (spot reclaim) or was lost; a new pod may succeed. */
        NODE_LOST(true, true),
        /** The pod ran longer than its {@code activeDeadlineSeconds}. */
        DEADLINE_EXCEEDED(false, true),
        /**
         * The pod was scheduled, but the kubelet could not mount its volumes ({@code FailedMount},
         * {@code FailedAttachVolume} events) within the pending timeout. The kubelet retries mounts itself (every
         * sync, each wait bounded by its {@code podAttachAndMountTimeout} of 2m3s), so a new pod, mounting the same
         * volumes, is not tried: a missing Secret, ConfigMap or claim needs fixing first.
         */
        MOUNT(false, false),
        /**
         * The pod was deleted by someone other than gpu-train (its {@code deletionTimestamp} set, without a
         * {@code DisruptionTarget} condition that names a controller): a deliberate stop, not retried.
         */
        DELETED(false, true),
        /**
         * The API server refused the pod in a server-side dry run ({@link PodDryRun}: its validation, HTTP 422):
         * nothing was created, and the same pod would be refused again.
         */
        REFUSED(false, false),
        /**
         * The command's exec connection failed or broke before its exit status came, while the pod and its node
         * looked healthy (an API server restarted, a load balancer reset the connection): a container runtime may
         * stop a command whose exec stream ends, so a new pod runs it again.
         */
        EXEC_BROKEN(true, true),
        /** The pod failed for another reason. */
        FAILED(false, true);

        private final boolean retryable;
        private final boolean containerMayHaveRun;

        Kind(boolean retryable, boolean containerMayHaveRun) {
            this.retryable = retryable;
            this.containerMayHaveRun = containerMayHaveRun;
        }

        /** Whether the container may have run, so that its log can tell more. */
        public boolean containerMayHaveRun() {
            return containerMayHaveRun;
        }

        /** Whether a new pod may succeed where this one failed. */
        public boolean retryable() {
            return retryable;
        }
    }
}
