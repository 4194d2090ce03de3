package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.KubernetesTraining;
import io.jenkins.plugins.gputrain.core.engine.LocalWorkspace;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.engine.WorkspaceArchive;
import io.jenkins.plugins.gputrain.core.engine.k8s.ApiErrors;
import io.jenkins.plugins.gputrain.core.engine.k8s.ContainerExec;
import io.jenkins.plugins.gputrain.core.engine.k8s.Sleeper;
import io.jenkins.plugins.gputrain.core.engine.k8s.WorkspaceTransfer;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.ByteSize;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A namespace {@code ResourceQuota} that the run exceeds, enforced by the real API server's quota admission and
 * counted by kube-controller-manager's quota controller: the engine ({@link KubernetesTraining} as
 * {@code gpu-train run} builds it, with a {@link Sleeper} that records the backoff instead of waiting it) retries the
 * refused creation with a doubling backoff and ends with one line naming the quota; and a quota freed while it backs
 * off (the pod holding it deleted) lets the run proceed.
 */
@ExtendWith(Testbed.class)
class ResourceQuotaIT {
    private Sandbox sandbox;
    private String gpuNode;

    @BeforeEach
    void createSandbox(Testbed testbed) {
        sandbox = Sandbox.create(testbed, "quota");
        gpuNode = sandbox.namespace() + "-gpu";
        sandbox.nodes(FakeNode.named(gpuNode).label("gpu", "true").gpus(4));
    }

    @AfterEach
    void closeSandbox() {
        sandbox.awaitNoPods();
        sandbox.close();
    }

    @Test
    void anExceededGpuQuotaIsRetriedWithBackoffThenNamedInOneLine(@TempDir Path directory) throws Exception {
        quota("gpus", Map.of("requests." + FakeNode.GPU, "1"));
        holder("holder", true);
        List<Duration> waits = new CopyOnWriteArrayList<>();
        RecordedProgress progress = new RecordedProgress();

        KubernetesClientException refusal = catchThrowableOfType(
                () -> training(progress, waits::add, Duration.ofMinutes(10))
                        .run(gpuPod("gpu-train-over-quota"), workspace(directory), List.of("true"), null),
                KubernetesClientException.class);

        assertThat(refusal).as("the run's end, after " + progress.progress).isNotNull();
        assertThat(refusal.getCode()).isEqualTo(403);
        assertThat(ApiErrors.firstLine(refusal))
                .as("the line the CLI and the build step print")
                .contains("exceeded quota: gpus")
                .contains("requested: requests.nvidia.com/gpu=1")
                .doesNotContain("\n");
        assertThat(waits)
                .as("the backoff between the six attempts (the sleeper does not sleep: 155 s are left of the 10m"
                        + " pending timeout, which the dry run's and the create's retries share)")
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(80));
        assertThat(progress.progress)
                .filteredOn(line -> line.contains("was refused for now") && line.contains("exceeded quota: gpus"))
                .hasSize(5);
        assertThat(podNames()).as("nothing but the pod holding the quota").containsExactly("holder");
        deleteHolder("holder");
    }

    @Test
    void aQuotaFreedWhileTheEngineBacksOffLetsTheRunProceed(@TempDir Path directory) throws Exception {
        quota("pods", Map.of("pods", "1"));
        holder("holder", false);
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Sleeper freeTheQuota = pause -> {
            waits.add(pause);
            if (waits.size() == 1) {
                deleteHolder("holder");
                awaitQuotaUsed("pods", "pods", "0");
            }
        };
        Path project = TrainingProject.create(directory.resolve("project"), "true");
        RecordedProgress progress = new RecordedProgress();

        CommandResult result = training(progress, freeTheQuota, Duration.ofMinutes(1))
                .run(
                        gpuPod("gpu-train-after-quota"),
                        new LocalWorkspace(project),
                        List.of("sh", "-c", "echo '{\"acc\": 0.9}' > metrics.json"),
                        null);

        assertThat(result.exitCode()).as(String.join("\n", progress.progress)).isZero();
        // The quota's status says 0 used before the API server's quota admission has seen it (its informer cache can
        // lag: a clean-clone CI of 023440a saw two more refusals), so the freed quota admits the pod within the
        // retries, not always at the first.
        assertThat(waits)
                .as("refused, then the freed quota admits the pod before the retries run out")
                .startsWith(Duration.ofSeconds(5))
                .hasSizeLessThan(5);
        assertThat(progress.progress).anyMatch(line -> line.contains("exceeded quota: pods"));
        assertThat(Files.readString(project.resolve("metrics.json"))).contains("0.9");
    }

    /** The engine as {@code gpu-train run} builds it, waiting through the given sleeper. */
    private KubernetesTraining training(ProgressListener listener, Sleeper sleeper, Duration pendingTimeout) {
        return new KubernetesTraining(
                        sandbox.client(),
                        Clock.systemUTC(),
                        pendingTimeout,
                        true,
                        listener,
                        new ContainerExec(),
                        new WorkspaceTransfer(
                                ByteSize.parse("--max-workspace-size", WorkspaceArchive.DEFAULT_MAX_SIZE)))
                .retrying(1)
                .sleepingWith(sleeper);
    }

    private TrainingPodSpec gpuPod(String name) {
        return TrainingPodSpec.builder("quota")
                .podName(name)
                .namespace(sandbox.namespace())
                .nodeSelector(NodeSelector.parse("gpu=true"))
                .machine(MachineSize.parse("1-1000+nvidia-tesla-t4*1"))
                .build();
    }

    private static LocalWorkspace workspace(Path directory) throws Exception {
        return new LocalWorkspace(TrainingProject.create(directory.resolve("project"), "true"));
    }

    /** Creates a quota and waits until the quota controller has counted it (admission refuses pods before that). */
    private void quota(String name, Map<String, String> hard) {
        ResourceQuota quota = new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withHard(quantities(hard))
                .endSpec()
                .build();
        sandbox.client()
                .resourceQuotas()
                .inNamespace(sandbox.namespace())
                .resource(quota)
                .create();
        sandbox.client()
                .resourceQuotas()
                .inNamespace(sandbox.namespace())
                .withName(name)
                .waitUntilCondition(
                        q -> q != null
                                && q.getStatus() != null
                                && q.getStatus().getHard() != null
                                && q.getStatus().getHard().keySet().containsAll(hard.keySet()),
                        1,
                        TimeUnit.MINUTES);
    }

    private void awaitQuotaUsed(String quota, String resource, String amount) {
        sandbox.client()
                .resourceQuotas()
                .inNamespace(sandbox.namespace())
                .withName(quota)
                .waitUntilCondition(
                        q -> q != null
                                && q.getStatus() != null
                                && q.getStatus().getUsed() != null
                                && new Quantity(amount)
                                        .equals(q.getStatus().getUsed().get(resource)),
                        1,
                        TimeUnit.MINUTES);
    }

    /** Another pod on the GPU node that holds the quota (one GPU, or just one pod). */
    private void holder(String name, boolean gpu) {
        PodBuilder pod = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withNodeName(gpuNode)
                .addNewContainer()
                .withName("other")
                .withImage("busybox")
                .withNewResources()
                .withLimits(gpu ? quantities(Map.of(FakeNode.GPU, "1")) : Map.of())
                .endResources()
                .endContainer()
                .endSpec();
        sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .resource(pod.build())
                .create();
    }

    private void deleteHolder(String name) {
        sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .withName(name)
                .withGracePeriod(0)
                .delete();
    }

    private List<String> podNames() {
        return sandbox.client().pods().inNamespace(sandbox.namespace()).list().getItems().stream()
                .map(pod -> pod.getMetadata().getName())
                .toList();
    }

    private static Map<String, Quantity> quantities(Map<String, String> amounts) {
        return amounts.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Quantity(e.getValue())));
    }
}
