package io.jenkins.plugins.gputrain.train;

import hudson.AbortException;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.KubernetesTraining;
import io.jenkins.plugins.gputrain.core.engine.TrainingWorkspace;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Duration;
import java.util.List;

/**
 * One freestyle training: the engine's run, with what it ends in told to Jenkins — a failed pod or command fails the
 * build with one line, an abort interrupts it (the engine deletes the pod on every path first).
 */
final class BuildStepTraining {
    private final KubernetesTraining training;

    BuildStepTraining(KubernetesTraining training) {
        this.training = training;
    }

    /**
     * Trains.
     *
     * @param spec the pod
     * @param workspace the build's workspace
     * @param command the shell command, as typed
     * @param timeout how long the command may run, or {@code null}
     * @throws AbortException when the pod fails, the command fails or runs too long
     * @throws InterruptedException when the build is aborted
     */
    void train(TrainingPodSpec spec, TrainingWorkspace workspace, String command, Duration timeout)
            throws AbortException, InterruptedException {
        CommandResult result;
        try {
            result = training.run(spec, workspace, List.of("sh", "-c", command), timeout);
        } catch (PodFailureException e) {
            throw new AbortException(GpuTrainBuilder.PREFIX + e.getMessage());
        }
        if (result.timedOut()) {
            throw new AbortException(
                    GpuTrainBuilder.PREFIX + Messages.GpuTrainBuilder_TimedOut(DurationSpec.format(timeout)));
        }
        if (!result.succeeded()) {
            throw new AbortException(
                    GpuTrainBuilder.PREFIX + Messages.GpuTrainBuilder_CommandFailed(String.valueOf(result.exitCode())));
        }
    }
}
