package io.jenkins.plugins.gputrain.it;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.KubernetesTraining;
import io.jenkins.plugins.gputrain.core.engine.LocalWorkspace;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.engine.k8s.RunSecret;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteSecret;
import io.jenkins.plugins.gputrain.core.pipeline.StepArgument;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingArguments;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A freestyle build step's training with DVC remote credentials, without Jenkins: the calls
 * {@code BuildStepTraining.train} makes for its first attempt — a {@link RunSecret} named after the first pod with
 * the suffix {@code -dvc-remote}, the pod made to read it ({@link DvcRemoteSecret#referenceFrom}), then
 * {@link KubernetesTraining#run} with {@code sh -c COMMAND}, the Secret closed on every path — and
 * {@link KubernetesTraining} built as {@code GpuTrainBuilder.train} builds it. {@code gpu-train run} (the CLI) has no
 * DVC remote credentials option; the freestyle step is the one caller of {@link RunSecret}.
 *
 * @param client the credentials the build step's cloud connects with
 * @param namespace the namespace of the pod and the Secret
 * @param podName the first pod's name
 * @param cpuMemory the step's {@code cpuMemory}, on the {@code gpu=true} nodes
 */
record FreestyleSecretRun(KubernetesClient client, String namespace, String podName, String cpuMemory) {
    /** {@code BuildStepTraining.SECRET_SUFFIX}, which the plugin keeps package-private. */
    static final String SECRET_SUFFIX = "-dvc-remote";

    /** The Secret's name. */
    String secretName() {
        return podName + SECRET_SUFFIX;
    }

    /**
     * Trains.
     *
     * @param remote the credentials
     * @param workspace the build's workspace
     * @param command the shell command
     * @param console the build's console
     * @return how the command ended
     * @throws PodFailureException when the pod fails or cannot be scheduled
     */
    CommandResult train(DvcRemoteSecret remote, Path workspace, String command, RecordedProgress console)
            throws PodFailureException, InterruptedException {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(StepArgument.NODE_SELECTOR.argumentName(), "gpu=true");
        form.put(StepArgument.CPU_MEMORY.argumentName(), cpuMemory);
        form.put(StepArgument.TIMEOUT.argumentName(), "5m");
        form.put(StepArgument.PENDING_TIMEOUT.argumentName(), "2m");
        TrainingArguments arguments = TrainingArguments.of(form, TrainingDefaults.BUILT_IN);
        TrainingPodSpec.Builder spec = arguments.podSpec("freestyle-job#9").namespace(namespace);
        KubernetesTraining training = KubernetesTraining.ofBuildStep(
                client, arguments.pendingTimeout().orElse(null), console);
        TrainingPodSpec first = spec.podName(podName).build();
        try (RunSecret secret =
                RunSecret.create(client, first.namespace(), secretName(), first.runId(), remote.data(), console)) {
            remote.referenceFrom(spec, secret.name());
            TrainingPodSpec pod = spec.podName(podName).build();
            Duration timeout = pod.optionalTimeout().orElse(null);
            return training.run(pod, new LocalWorkspace(workspace), List.of("sh", "-c", command), timeout);
        }
    }
}
