package io.jenkins.plugins.gputrain.pipeline;

import io.jenkins.plugins.gputrain.GpuTrainConfiguration;
import io.jenkins.plugins.gputrain.core.gate.GateArguments;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingPlan;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.publish.MetricQualityGate;
import java.util.List;

/** What {@code GpuTrain.groovy} needs from Jenkins: the administrator's defaults, and their check before the pod. */
public final class GpuTrainPlans {
    private GpuTrainPlans() {}

    /** The global configuration's defaults over the built-in ones. */
    public static TrainingDefaults defaults() {
        return GpuTrainConfiguration.get().toDefaults();
    }

    /** The global configuration's quality gates. */
    public static List<MetricQualityGate> defaultGates() {
        return GpuTrainConfiguration.get().getQualityGates();
    }

    /**
     * Refuses, before the pod is created, a global quality gate that the plan's {@code publishDvcMetrics} would
     * evaluate (it publishes and gives no {@code qualityGates} of its own) but could not read.
     *
     * @param plan the step's plan
     * @param defaults the global quality gates
     * @throws IllegalArgumentException one line naming the global gate and what is wrong with it
     */
    public static void checkDefaultGates(TrainingPlan plan, List<MetricQualityGate> defaults) {
        if (!plan.publish() || plan.publishArguments().containsKey(GateArguments.FIELD)) {
            return;
        }
        try {
            MetricQualityGate.toGates(defaults);
        } catch (InvalidSpecException e) {
            throw new IllegalArgumentException("global default " + GateArguments.FIELD + ": " + e.getMessage(), e);
        }
    }
}
