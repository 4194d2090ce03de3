package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.KubernetesTraining;
import io.jenkins.plugins.gputrain.core.engine.LocalWorkspace;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.pipeline.StepArgument;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingArguments;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freestyle build step's core path on the real control plane, without Jenkins: the calls
 * {@code GpuTrainBuilder.perform} and {@code BuildStepTraining.train} make, with the arguments they pass — the step's
 * form fields as {@link TrainingArguments} over the defaults, the pod spec for the build's id in the cloud's
 * namespace, a {@code gpu-train-XXXXXXXX} pod name, {@link KubernetesTraining} built as the builder builds it
 * (preflight on, the default workspace limit, no retries of its own), and {@code run} with {@code sh -c COMMAND} and
 * the spec's timeout. The one substitute: the workspace is a {@link LocalWorkspace}, where the builder passes its
 * {@code AgentWorkspace} (a Jenkins {@code FilePath}); both give the same result paths and archive.
 */
@ExtendWith(Testbed.class)
class FreestyleCorePathIT {
    private Sandbox sandbox;

    @BeforeEach
    void createSandbox(Testbed testbed) {
        sandbox = Sandbox.create(testbed, "freestyle");
        sandbox.cpuAndGpuNodes();
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    @Test
    void theBuildStepsCoreCallTrainsOnTheGpuNodeAndDeletesThePod(@TempDir Path directory) throws Exception {
        Path workspace = TrainingProject.create(directory.resolve("workspace"), "true");
        // GpuTrainBuilder.arguments(): the form's fields that are set, by their argument names
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(StepArgument.NODE_SELECTOR.argumentName(), "gpu=true");
        form.put(StepArgument.CPU_MEMORY.argumentName(), "2-4000+nvidia-tesla-t4*1");
        form.put(StepArgument.TIMEOUT.argumentName(), "5m");
        form.put(StepArgument.PENDING_TIMEOUT.argumentName(), "2m");
        String command = "echo \"{\\\"acc\\\": 0.8}\" > metrics.json && echo trained";
        // GpuTrainBuilder.perform: parse, podSpec(arguments, run.getExternalizableId(), cloud namespace)
        TrainingArguments arguments = TrainingArguments.of(form, TrainingDefaults.BUILT_IN);
        TrainingPodSpec.Builder spec = arguments.podSpec("freestyle-job#7");
        assertThat(spec.build().namespace())
                .as("no namespace configured: the cloud's is used")
                .isNull();
        spec.namespace(sandbox.namespace());
        // GpuTrainBuilder.train
        RecordedProgress console = new RecordedProgress();
        KubernetesTraining training = KubernetesTraining.ofBuildStep(
                sandbox.client(), arguments.pendingTimeout().orElse(null), console);
        // BuildStepTraining.train, first attempt
        TrainingPodSpec pod = spec.podName("gpu-train-1a2b3c4d").build();
        Duration timeout = pod.optionalTimeout().orElse(null);
        Set<String> nodes = ConcurrentHashMap.newKeySet();

        CommandResult result;
        try (Watch watch = sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .withName(pod.podName())
                .watch(new Watcher<Pod>() {
                    @Override
                    public void eventReceived(Action action, Pod seen) {
                        if (seen.getSpec().getNodeName() != null) {
                            nodes.add(seen.getSpec().getNodeName());
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                })) {
            result = training.run(pod, new LocalWorkspace(workspace), List.of("sh", "-c", command), timeout);
        }

        assertThat(timeout).isEqualTo(Duration.ofMinutes(5));
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitCode()).as(String.join("\n", console.progress)).isZero();
        assertThat(Files.readString(workspace.resolve("metrics.json"))).contains("0.8");
        assertThat(nodes).as("where the scheduler put the pod").containsExactly(sandbox.namespace() + "-gpu");
        assertThat(console.progress)
                .anyMatch(line -> line.startsWith("pod gpu-train-1a2b3c4d: "))
                .anyMatch(line -> line.contains("1 of 2 nodes can run pod gpu-train-1a2b3c4d"));
        sandbox.awaitNoPods();
    }
}
