package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;

/** The {@code DisruptionTarget} condition a disrupting controller writes on a pod (Kubernetes v1.35.4), for tests. */
public final class Disruptions {
    private Disruptions() {}

    /** The taint-eviction controller's, for a {@code NoExecute} taint the pod does not tolerate. */
    public static PodCondition byTaintManager() {
        return new PodConditionBuilder()
                .withType("DisruptionTarget")
                .withStatus("True")
                .withReason("DeletionByTaintManager")
                .withMessage("Taint manager: deleting due to NoExecute taint")
                .build();
    }
}
