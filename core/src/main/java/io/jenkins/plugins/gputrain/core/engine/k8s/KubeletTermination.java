package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Whether a pod's status shows that its node's kubelet stopped it: the pod reason {@code Evicted}, or a
 * {@code DisruptionTarget} condition with reason {@code TerminationByKubelet} (Kubernetes v1.35.4: a pressure
 * eviction, {@code pkg/kubelet/eviction/eviction_manager.go} evictPod; a node shutdown,
 * {@code pkg/kubelet/nodeshutdown}; a preemption for a critical pod, {@code pkg/kubelet/preemption}). The kubelet
 * sets that status before it stops the containers ({@code kubelet.go} SyncTerminatingPod) but sends it only once
 * they have all stopped ({@code pkg/kubelet/status/status_manager.go} mergePodStatus keeps the phase, reason and
 * {@code DisruptionTarget} back while containers could run), so it reaches the API server after a command that
 * saved its work on the SIGTERM and exited 0: seen whenever it comes, it is the stop, not a success. No deletion goes
 * with it: the pod stays, {@code Failed}.
 */
final class KubeletTermination {
    /** {@code v1.PodReasonTerminationByKubelet}. */
    static final String BY_KUBELET = "TerminationByKubelet";

    /** {@code pkg/kubelet/eviction/helpers.go} Reason. */
    static final String EVICTED = "Evicted";

    private KubeletTermination() {}

    /**
     * Whether the pod's status shows the kubelet's stop.
     *
     * @param pod the pod as read or delivered
     * @return whether its node's kubelet evicted or terminated it
     */
    static boolean shownBy(Pod pod) {
        var status = pod.getStatus();
        return status != null
                && (EVICTED.equals(status.getReason())
                        || status.getConditions().stream()
                                .anyMatch(c -> "DisruptionTarget".equals(c.getType())
                                        && "True".equals(c.getStatus())
                                        && BY_KUBELET.equals(c.getReason())));
    }
}
