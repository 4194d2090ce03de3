package io.jenkins.plugins.gputrain.pipeline;

import io.jenkins.plugins.gputrain.GpuTrainConfiguration;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;

/** What {@code GpuTrain.groovy} needs from Jenkins: the administrator's defaults. */
public final class GpuTrainPlans {
    private GpuTrainPlans() {}

    /** The global configuration's defaults over the built-in ones. */
    public static TrainingDefaults defaults() {
        return GpuTrainConfiguration.get().toDefaults();
    }
}
