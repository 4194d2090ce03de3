package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code gpu-train run} whose pod is disrupted on the real control plane while its command runs: the eviction API,
 * a {@code NoExecute} taint (kube-controller-manager's taint-eviction controller), the scheduler's preemption by a
 * higher-priority pod, and the node's deletion (kube-controller-manager's pod GC). The run names the disruption in one
 * line, retries with a new pod, which runs to the end once the disruption is gone, and leaves no pod or Secret.
 *
 * <p>What the real control plane (Kubernetes v1.35.4, kwok v0.8.0) writes, watched on a running pod: the
 * disrupting controller first adds the condition {@code DisruptionTarget=True} (no {@code deletionTimestamp} yet),
 * then deletes the pod; each step is one MODIFIED watch event:
 * <ul>
 *   <li>eviction API ({@code POST pods/NAME/eviction}): reason {@code EvictionByEvictionAPI}, message
 *       {@code Eviction API: evicting}; then {@code deletionTimestamp} with grace period 30 s; no Event;
 *   <li>{@code NoExecute} taint not tolerated: {@code DeletionByTaintManager}, {@code Taint manager: deleting due to
 *       NoExecute taint}, then the deletion (grace 30 s), Event {@code TaintManagerEviction};
 *   <li>preemption: {@code PreemptionByScheduler}, {@code default-scheduler: preempting to accommodate a higher
 *       priority pod}, then the deletion (grace 30 s), Event {@code Preempted};
 *   <li>node deleted: about 50 s later (the pod GC's 40 s quarantine of orphaned pods, checked every 20 s) phase
 *       {@code Failed} with {@code DeletionByPodGC}, {@code PodGC: node no longer exists}, then a deletion with
 *       grace 0.
 * </ul>
 * kwok then sets the grace period to 0 and the pod is DELETED, all within a second: where a kubelet keeps the pod
 * with its condition for the grace period while the container stops, here it is gone (404) when gpu-train reads it
 * after the command. kwok does not stop the commands exec'd into a deleted pod (they are local processes), so the
 * command here ends when the test tells it to, after the pod is gone, with the status a SIGTERM'd training has.
 */
@ExtendWith(Testbed.class)
class DisruptionIT {
    /** The first attempt waits on this FIFO in the exec directory; the retry finds {@code attempt1} and trains. */
    private static final String TRAIN = "#!/bin/sh\n"
            + "if [ -e attempt1 ]; then printf '{\"acc\": 0.9}\\n' > metrics.json; echo trained on the retry; exit 0;"
            + " fi\n"
            + "touch attempt1\n"
            + "echo epoch 1\n"
            + "read line < stop\n"
            + "exit 143\n";

    private Sandbox sandbox;
    private GpuTrainCli cli;
    private String gpuNode;
    private Path stop;
    private Path project;
    private OutputStream command;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void createSandbox(Testbed testbed) throws Exception {
        sandbox = Sandbox.create(testbed, "disrupt");
        cli = new GpuTrainCli(testbed);
        gpuNode = sandbox.namespace() + "-gpu";
        sandbox.nodes(FakeNode.named(gpuNode).label("gpu", "true").gpus(1));
        stop = sandbox.execDirectory().resolve("stop");
        Process mkfifo = new ProcessBuilder("mkfifo", stop.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
    }

    @AfterEach
    void closeSandbox() throws IOException {
        if (command != null) {
            // a test that failed before it stopped the first command: the end of the FIFO ends it
            command.close();
        }
        pool.shutdownNow();
        sandbox.awaitNoPods();
        sandbox.close();
    }

    @Test
    void theEvictionApi(@TempDir Path directory) throws Exception {
        Future<GpuTrainCli.Result> run = start(directory);
        String pod = awaitCommand();

        assertThat(pods().withName(pod)
                        .evict(new EvictionBuilder()
                                .withNewMetadata()
                                .withName(pod)
                                .withNamespace(sandbox.namespace())
                                .endMetadata()
                                .build()))
                .as("the eviction API admitted the eviction (fabric8 returns false on 429)")
                .isTrue();
        stopCommandOnceGone(pod);

        assertRetried(
                run, "The pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): Eviction API: evicting");
    }

    @Test
    void aNoExecuteTaint(@TempDir Path directory) throws Exception {
        Future<GpuTrainCli.Result> run = start(directory);
        String pod = awaitCommand();

        sandbox.client().nodes().withName(gpuNode).edit(node -> {
            node.getSpec()
                    .getTaints()
                    .add(new TaintBuilder()
                            .withKey("maintenance")
                            .withValue("now")
                            .withEffect("NoExecute")
                            .build());
            return node;
        });
        stopCommandOnceGone(pod);
        awaitUnschedulable(pod + "-r1");
        // a fresh node, not the taint removed: the taint-eviction controller may still judge the retry pod, bound as
        // the scheduler saw the taint go, against the taint (its node and pod informers are not ordered:
        // pkg/controller/tainteviction/taint_eviction.go at v1.35.4), and delete it (the clean-clone CI of cc79904)
        sandbox.nodes(FakeNode.named(sandbox.namespace() + "-gpu2")
                .label("gpu", "true")
                .gpus(1));

        assertRetried(
                run,
                "The pod is being stopped (DisruptionTarget: DeletionByTaintManager): Taint manager: deleting due to"
                        + " NoExecute taint");
    }

    @Test
    void preemptionByAHigherPriorityPod(@TempDir Path directory) throws Exception {
        String priorityClass = sandbox.namespace() + "-high";
        sandbox.client()
                .scheduling()
                .v1()
                .priorityClasses()
                .resource(new PriorityClassBuilder()
                        .withNewMetadata()
                        .withName(priorityClass)
                        .endMetadata()
                        .withValue(1_000_000)
                        .build())
                .create();
        try {
            Future<GpuTrainCli.Result> run = start(directory);
            String pod = awaitCommand();

            pods().resource(new PodBuilder()
                            .withNewMetadata()
                            .withName("urgent")
                            .endMetadata()
                            .withNewSpec()
                            .withPriorityClassName(priorityClass)
                            .withNodeSelector(Map.of("gpu", "true"))
                            .addNewContainer()
                            .withName("main")
                            .withImage("busybox")
                            .withNewResources()
                            .addToLimits(FakeNode.GPU, new Quantity("1"))
                            .endResources()
                            .endContainer()
                            .endSpec()
                            .build())
                    .create();
            stopCommandOnceGone(pod);
            awaitUnschedulable(pod + "-r1");
            pods().withName("urgent").delete();

            assertRetried(
                    run,
                    "The pod is being stopped (DisruptionTarget: PreemptionByScheduler): default-scheduler: preempting"
                            + " to accommodate a higher priority pod");
        } finally {
            sandbox.client()
                    .scheduling()
                    .v1()
                    .priorityClasses()
                    .withName(priorityClass)
                    .delete();
        }
    }

    @Test
    void theNodeDeleted(@TempDir Path directory) throws Exception {
        Future<GpuTrainCli.Result> run = start(directory);
        String pod = awaitCommand();

        sandbox.client().nodes().withName(gpuNode).delete();
        stopCommandOnceGone(pod);
        awaitUnschedulable(pod + "-r1");
        sandbox.nodes(FakeNode.named(sandbox.namespace() + "-gpu2")
                .label("gpu", "true")
                .gpus(1));

        // Which comes first is a race on a real cluster too: the pod garbage collector's DisruptionTarget, or the
        // node found gone when the pod is read after the command's exec ended; both name the node's loss.
        assertRetried(
                run,
                "The pod is being stopped (DisruptionTarget: DeletionByPodGC): PodGC: node no longer exists",
                "The pod's node " + gpuNode + " was lost while the command ran (it was removed from the cluster); a new"
                        + " pod may succeed");
    }

    /**
     * A deletion with no {@code DisruptionTarget} condition ({@code kubectl delete pod}): the watch's last event is
     * the pod with its {@code deletionTimestamp} (grace period 0, as kwok leaves it), a deliberate stop, not retried.
     */
    @Test
    void aDeletionBySomeoneElseIsNotRetried(@TempDir Path directory) throws Exception {
        Future<GpuTrainCli.Result> run = start(directory);
        String pod = awaitCommand();

        pods().withName(pod).delete();
        stopCommandOnceGone(pod);

        GpuTrainCli.Result result = run.get(6, TimeUnit.MINUTES);
        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(1);
        assertThat(result.err())
                .as(result.transcript())
                .contains("The pod was deleted by someone other than gpu-train (while Running; deletionTimestamp ");
        assertThat(result.transcript()).doesNotContain("retrying with a new pod");
    }

    private Future<GpuTrainCli.Result> start(Path directory) throws IOException {
        Path files = Files.createDirectories(directory.resolve("project"));
        Files.writeString(files.resolve("train.sh"), TRAIN);
        files.resolve("train.sh").toFile().setExecutable(true);
        project = TrainingProject.create(files, "./train.sh");
        String[] arguments = TrainingRun.onGpuNodes(sandbox, "1-2000+t4*1")
                .option("--pending-timeout", "3m")
                .command("./train.sh");
        return pool.submit(() -> cli.run(project, 6, arguments));
    }

    /**
     * Waits until the first attempt's command runs (it opens the FIFO for reading, which lets the test's open for
     * writing return) and returns its pod's name.
     */
    private String awaitCommand() throws Exception {
        command = pool.submit(() -> Files.newOutputStream(stop)).get(3, TimeUnit.MINUTES);
        List<Pod> running = pods().list().getItems();
        assertThat(running).hasSize(1);
        return running.get(0).getMetadata().getName();
    }

    /** Waits until the pod is gone, then ends the first attempt's command as the kubelet's SIGTERM would have. */
    private void stopCommandOnceGone(String pod) throws Exception {
        pods().withName(pod).informOnCondition(List::isEmpty).get(3, TimeUnit.MINUTES);
        try (OutputStream out = command) {
            out.write("stopped\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void awaitUnschedulable(String pod) throws Exception {
        pods().withName(pod)
                .informOnCondition(pods -> pods.stream().anyMatch(PodConditions::unschedulable))
                .get(2, TimeUnit.MINUTES);
    }

    /** The run retried once, named by one of the disruptions, and the retry's metrics came back. */
    private void assertRetried(Future<GpuTrainCli.Result> run, String... disruptions) throws Exception {
        GpuTrainCli.Result result = run.get(6, TimeUnit.MINUTES);
        assertThat(result.exitCode()).as(result.transcript()).isZero();
        assertThat(result.out() + result.err())
                .as(result.transcript())
                .containsAnyOf(Stream.of(disruptions)
                        .map(disruption -> disruption + "; retrying with a new pod (1 of 1)")
                        .toArray(String[]::new))
                .contains("trained on the retry")
                .contains("the command exited with code 0");
        assertThat(Files.readString(project.resolve("metrics.json")))
                .as("the retry's metrics, copied back")
                .contains("0.9");
    }

    private NonNamespaceOperation<Pod, PodList, PodResource> pods() {
        return sandbox.client().pods().inNamespace(sandbox.namespace());
    }
}
