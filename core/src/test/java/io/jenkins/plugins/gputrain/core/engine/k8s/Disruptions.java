package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

/**
 * The {@code DisruptionTarget} condition a disrupting controller writes on a pod, and the status a kubelet sends for a
 * pod it evicted (Kubernetes v1.35.4), for tests.
 */
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

    /**
     * The eviction manager's message for a memory-pressure eviction of container {@code dvc}
     * ({@code pkg/kubelet/eviction/helpers.go} evictionMessage: nodeLowMessageFmt, thresholdMetMessageFmt,
     * containerMessageFmt).
     */
    public static final String MEMORY_PRESSURE = "The node was low on resource: memory. Threshold quantity: 100Mi,"
            + " available: 42Mi. Container dvc was using 1900Mi, request is 1Gi, has larger consumption of memory. ";

    /**
     * The status the kubelet sends for a running pod its eviction manager evicted for memory pressure, as it reaches
     * the API server: {@code pkg/kubelet/eviction/eviction_manager.go} evictPod sets phase {@code Failed}, reason
     * {@code Evicted}, the message and a {@code DisruptionTarget} condition (reason {@code TerminationByKubelet}, the
     * same message) before the containers are killed; {@code pkg/kubelet/status/status_manager.go} mergePodStatus
     * sends phase, reason and condition only once no container can run, with {@code Ready} and
     * {@code ContainersReady} false ({@code PodFailed}), so container {@code dvc} is terminated by then (its PID 1,
     * which passed the SIGTERM on to the command, exits 143). No {@code deletionTimestamp}: the kubelet does not
     * delete the pod.
     */
    public static PodStatus kubeletEvicted() {
        return new PodStatusBuilder()
                .withPhase("Failed")
                .withReason("Evicted")
                .withMessage(MEMORY_PRESSURE)
                .addToConditions(
                        new PodConditionBuilder()
                                .withType("DisruptionTarget")
                                .withStatus("True")
                                .withReason("TerminationByKubelet")
                                .withMessage(MEMORY_PRESSURE)
                                .build(),
                        new PodConditionBuilder()
                                .withType("Ready")
                                .withStatus("False")
                                .withReason("PodFailed")
                                .build(),
                        new PodConditionBuilder()
                                .withType("ContainersReady")
                                .withStatus("False")
                                .withReason("PodFailed")
                                .build())
                .addToContainerStatuses(new ContainerStatusBuilder()
                        .withName("dvc")
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(143)
                        .withReason("Error")
                        .endTerminated()
                        .endState()
                        .build())
                .build();
    }
}
