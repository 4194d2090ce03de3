package io.jenkins.plugins.gputrain.it;

import io.fabric8.kubernetes.api.model.Pod;

/** What the scheduler wrote on a pod. */
final class PodConditions {
    private PodConditions() {}

    /** Whether the scheduler tried and found no node: {@code PodScheduled=False}, reason {@code Unschedulable}. */
    static boolean unschedulable(Pod pod) {
        return pod != null
                && pod.getStatus() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "PodScheduled".equals(c.getType())
                                && "False".equals(c.getStatus())
                                && "Unschedulable".equals(c.getReason()));
    }
}
