package io.jenkins.plugins.gputrain.train;

import hudson.AbortException;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.KubernetesTraining;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.TrainingWorkspace;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One freestyle training: the engine's run, with what it ends in told to Jenkins — a failed pod or command fails the
 * build with one line, a pod lost to its node (eviction, node lost) is replaced by a new one up to the configured
 * retries, an abort interrupts the build (the engine deletes the pod on every path first).
 */
final class BuildStepTraining {
    private final KubernetesTraining training;
    private final ProgressListener console;

    BuildStepTraining(KubernetesTraining training, ProgressListener console) {
        this.training = training;
        this.console = console;
    }

    /**
     * Trains.
     *
     * @param pods a new pod spec (with a new pod name) for each attempt
     * @param workspace the build's workspace
     * @param command the shell command, as typed
     * @param retries how many new pods after a lost one
     * @throws AbortException when the pod fails, the command fails or runs too long
     * @throws InterruptedException when the build is aborted
     */
    void train(Supplier<TrainingPodSpec> pods, TrainingWorkspace workspace, String command, int retries)
            throws AbortException, InterruptedException {
        for (int retry = 0; ; retry++) {
            TrainingPodSpec spec = pods.get();
            Duration timeout = spec.optionalTimeout().orElse(null);
            try {
                judge(training.run(spec, workspace, List.of("sh", "-c", command), timeout), timeout);
                return;
            } catch (PodFailureException e) {
                if (!e.failure().kind().retryable() || retry >= retries) {
                    throw new AbortException(GpuTrainBuilder.PREFIX + e.getMessage());
                }
                console.progress(Messages.GpuTrainBuilder_Retrying(
                        e.getMessage(), String.valueOf(retry + 1), String.valueOf(retries)));
            }
        }
    }

    private static void judge(CommandResult result, Duration timeout) throws AbortException {
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
