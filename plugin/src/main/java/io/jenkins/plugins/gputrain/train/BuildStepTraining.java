package io.jenkins.plugins.gputrain.train;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import hudson.AbortException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.KubernetesTraining;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.TrainingWorkspace;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailure;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.engine.k8s.RunSecret;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteSecret;
import io.jenkins.plugins.gputrain.core.pod.PodDeadline;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One freestyle training: the engine's run, with what it ends in told to Jenkins — a failed pod or command fails the
 * build with one line, a pod lost to its node (eviction, node lost) is replaced by a new one up to the configured
 * retries, an abort interrupts the build (the engine deletes the pod on every path first). DVC remote credentials
 * reach the pods through a Secret that lives as long as the training. The step's timeout bounds the command; the pod's
 * deadline is that timeout plus {@link PodDeadline#MARGIN}, so that the command's timeout, not the pod's deadline,
 * ends a command that runs too long.
 */
final class BuildStepTraining {
    /** Ends the name of the DVC remote credentials' Secret, after the first pod's name. */
    static final String SECRET_SUFFIX = "-dvc-remote";

    private final KubernetesClient client;
    private final KubernetesTraining training;
    private final Supplier<String> podNames;
    private final ProgressListener console;

    BuildStepTraining(
            KubernetesClient client, KubernetesTraining training, Supplier<String> podNames, ProgressListener console) {
        this.client = client;
        this.training = training;
        this.podNames = podNames;
        this.console = console;
    }

    /**
     * Trains.
     *
     * @param spec the pod, without a name, its timeout the command's: each attempt gets a new name, and the pod's
     *     deadline becomes the timeout plus the margin
     * @param remote the DVC remote credentials, if any
     * @param workspace the build's workspace
     * @param command the shell command, as typed
     * @param retries how many new pods after a lost one
     * @throws AbortException when the pod fails, the command fails or runs too long
     * @throws InterruptedException when the build is aborted
     */
    void train(
            TrainingPodSpec.Builder spec,
            Optional<DvcRemoteSecret> remote,
            TrainingWorkspace workspace,
            String command,
            int retries)
            throws AbortException, InterruptedException {
        String firstPod = podNames.get();
        TrainingPodSpec first = spec.podName(firstPod).build();
        try (RunSecret secret = remote.isEmpty()
                ? null
                : RunSecret.create(
                        client,
                        first.namespace(),
                        firstPod + SECRET_SUFFIX,
                        first.runId(),
                        remote.get().data(),
                        console)) {
            if (secret != null) {
                remote.get().referenceFrom(spec, secret.name());
            }
            Duration timeout = first.optionalTimeout().orElse(null);
            if (timeout != null) {
                spec.timeout(PodDeadline.forCommand(timeout));
            }
            for (int retry = 0; ; retry++) {
                TrainingPodSpec pod =
                        spec.podName(retry == 0 ? firstPod : podNames.get()).build();
                try {
                    judge(training.run(pod, workspace, List.of("sh", "-c", command), timeout), timeout);
                    return;
                } catch (PodFailureException e) {
                    if (!e.failure().kind().retryable() || retry >= retries) {
                        throw new AbortException(PREFIX + failure(e, timeout));
                    }
                    console.progress(Messages.GpuTrainBuilder_Retrying(
                            e.getMessage(), String.valueOf(retry + 1), String.valueOf(retries)));
                }
            }
        }
    }

    /** The pod's failure; one that ran past its deadline names the step's timeout the deadline was made from. */
    private static String failure(PodFailureException e, Duration timeout) {
        if (timeout == null || e.failure().kind() != PodFailure.Kind.DEADLINE_EXCEEDED) {
            return e.getMessage();
        }
        return Messages.GpuTrainBuilder_DeadlineExceeded(
                e.getMessage(), DurationSpec.format(timeout), DurationSpec.format(PodDeadline.MARGIN));
    }

    private static void judge(CommandResult result, Duration timeout) throws AbortException {
        if (result.timedOut()) {
            throw new AbortException(PREFIX + Messages.GpuTrainBuilder_TimedOut(DurationSpec.format(timeout)));
        }
        if (!result.succeeded()) {
            throw new AbortException(
                    PREFIX + Messages.GpuTrainBuilder_CommandFailed(String.valueOf(result.exitCode())));
        }
    }
}
