package io.jenkins.plugins.gputrain.core.engine;

import static io.jenkins.plugins.gputrain.core.engine.MockServerTraining.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.k8s.Disruptions;
import io.jenkins.plugins.gputrain.core.engine.k8s.InvalidPodStatus;
import io.jenkins.plugins.gputrain.core.engine.k8s.MockDryRun;
import io.jenkins.plugins.gputrain.core.engine.k8s.Nodes;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodCopy;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodExec;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailure;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The run around the command, against fabric8's mock server (CRUD): when the command ends abnormally (exit 137, a
 * broken exec) the pod status is read before any download, so that the reason is named and a retryable one retried
 * with a new pod; a step timeout stays a timeout. The statuses are those the kubelet writes on eviction
 * ({@code pkg/kubelet/eviction}: phase Failed, reason Evicted) and on the active deadline ({@code DeadlineExceeded}).
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesTrainingTest {
    KubernetesMockServer server;
    KubernetesClient client;

    private final RecordedProgress listener = new RecordedProgress();
    private final List<String> downloads = new CopyOnWriteArrayList<>();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private final PodCopy copy = MockServerTraining.downloading((pod, paths) -> {
        downloads.add(pod.get().getMetadata().getName());
        return paths;
    });

    @Test
    void anEvictionDuringTheCommandIsNamedBeforeAnyDownloadAndRetriedWithANewPod() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            progress.output("epoch 1");
            if (pod.get().getMetadata().getName().equals("gpu-train-e1")) {
                setStatus(pod, evicted());
                return new CommandResult(137, false);
            }
            return new CommandResult(0, false);
        };

        CompletableFuture<CommandResult> run = start(training(exec).retrying(1), "e1", null);
        makeRunning("gpu-train-e1");
        makeRunning("gpu-train-e1-r1");

        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(new CommandResult(0, false));
        assertThat(downloads).containsExactly("gpu-train-e1-r1");
        assertThat(listener.progress)
                .contains("The pod was evicted: The node was low on resource: memory.; retrying with a new pod (1 of"
                        + " 1)")
                .contains("last 1 lines of the command's output in pod gpu-train-e1:")
                .contains("deleted pod gpu-train-e1", "deleted pod gpu-train-e1-r1");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void withoutRetriesTheEvictionFailsTheRun() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            setStatus(pod, evicted());
            return new CommandResult(137, false);
        };

        CompletableFuture<CommandResult> run = start(training(exec), "e2", null);
        makeRunning("gpu-train-e2");

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.EVICTED));
        assertThat(downloads).isEmpty();
    }

    @Test
    void aBrokenExecIsNamedByThePodStatus() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            setStatus(pod, deadlineExceeded());
            throw new PodFailureException(
                    new PodFailure(PodFailure.Kind.FAILED, "cannot run the command in the pod: Connection reset"));
        };

        CompletableFuture<CommandResult> run = start(training(exec), "d1", null);
        makeRunning("gpu-train-d1");

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.DEADLINE_EXCEEDED));
    }

    /** The container still runs after exit 137 (the command killed itself): read again, then go on. */
    @Test
    void anAbnormalExitOfAHealthyPodIsTheCommandsOwn() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> new CommandResult(137, false);

        CompletableFuture<CommandResult> run = start(training(exec), "k1", null);
        makeRunning("gpu-train-k1");

        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(new CommandResult(137, false));
        assertThat(downloads).containsExactly("gpu-train-k1");
        assertThat(sleeps).hasSize(4).containsOnly(Duration.ofSeconds(2));
        assertThat(listener.progress)
                .contains("the command was killed by SIGKILL, possibly out of memory (the container's memory limit is"
                        + " 32Gi)");
    }

    /**
     * A node that stops reporting breaks the exec (-1) while its pods still look Running: the node controller marks
     * it Unknown only after its grace period, but its lease in kube-node-lease is no longer renewed. A node loss,
     * retried, and nothing is copied back from the lost pod.
     */
    @Test
    void aBrokenExecOnANodeWhoseLeaseExpiredIsANodeLossRetriedWithoutADownload() throws Exception {
        node("kwok-1", "True", ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(2));
        PodExec exec = (pod, watch, command, timeout, progress) ->
                new CommandResult(pod.get().getMetadata().getName().equals("gpu-train-n1") ? -1 : 0, false);

        CompletableFuture<CommandResult> run = start(training(exec).retrying(1), "n1", null);
        makeRunning("gpu-train-n1", "kwok-1");
        makeRunning("gpu-train-n1-r1");

        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(new CommandResult(0, false));
        assertThat(downloads).containsExactly("gpu-train-n1-r1");
        assertThat(listener.progress)
                .anyMatch(line -> line.startsWith("The pod's node kwok-1 was lost while the command ran (its kubelet"
                                + " last renewed its lease 1")
                        && line.endsWith(
                                " s ago (grace 50 s)); a new pod may succeed; retrying with a new pod (1 of" + " 1)"));
    }

    /** A copy back that fails after the command (error dialing backend) on a node that is not Ready is a node loss. */
    @Test
    void aFailedDownloadFromANodeThatIsNotReadyIsANodeLoss() throws Exception {
        node("kwok-2", "Unknown", ZonedDateTime.now(ZoneOffset.UTC));
        PodExec exec = (pod, watch, command, timeout, progress) -> new CommandResult(0, false);
        PodCopy failing = MockServerTraining.downloading((pod, paths) -> {
            throw new PodFailureException(new PodFailure(
                    PodFailure.Kind.FAILED, "copying the results back failed: error dialing backend: EOF"));
        });
        KubernetesTraining training =
                MockServerTraining.training(client, listener, exec, failing).sleepingWith(sleeps::add);

        CompletableFuture<CommandResult> run = start(training, "n2", null);
        makeRunning("gpu-train-n2", "kwok-2");

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(PodFailureException.class, e -> assertThat(e.failure())
                        .isEqualTo(new PodFailure(
                                PodFailure.Kind.NODE_LOST,
                                "The pod's node kwok-2 was lost while the command ran (Ready Unknown: Kubelet stopped"
                                        + " posting node status.); a new pod may succeed")));
    }

    private void node(String name, String ready, ZonedDateTime renewed) {
        client.nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withNewStatus()
                        .addNewCondition()
                        .withType("Ready")
                        .withStatus(ready)
                        .withMessage("Unknown".equals(ready) ? "Kubelet stopped posting node status." : null)
                        .endCondition()
                        .endStatus()
                        .build())
                .create();
        client.leases()
                .inNamespace("kube-node-lease")
                .resource(new LeaseBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace("kube-node-lease")
                        .endMetadata()
                        .withNewSpec()
                        .withHolderIdentity(name)
                        .withLeaseDurationSeconds(40)
                        .withRenewTime(renewed)
                        .endSpec()
                        .build())
                .create();
    }

    private void makeRunning(String name, String node) {
        PodResource pod = client.pods().inNamespace(NAMESPACE).withName(name);
        pod.waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
        pod.edit(p -> {
            p.getSpec().setNodeName(node);
            return p;
        });
        setStatus(pod, new PodStatusBuilder().withPhase("Running").build());
    }

    @Test
    void aStepTimeoutIsATimeoutEvenWhenThePodHasPassedItsDeadline() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            setStatus(pod, deadlineExceeded());
            return new CommandResult(-1, true);
        };

        CompletableFuture<CommandResult> run = start(training(exec), "t1", Duration.ofMinutes(1));
        makeRunning("gpu-train-t1");

        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(new CommandResult(-1, true));
        assertThat(downloads).isEmpty();
    }

    /**
     * The preflight judges the pod the API server returned from the dry run, as admission changed it: here a
     * namespace's default toleration ({@code PodTolerationRestriction}) of the only node's taint.
     */
    @Test
    void thePreflightJudgesThePodAsTheApiServerAdmittedIt() throws Exception {
        dedicatedNode();
        MockDryRun.answer(server, NAMESPACE, pod -> new PodBuilder(pod)
                .editSpec()
                .addNewToleration()
                .withKey("dedicated")
                .withOperator("Equal")
                .withValue("ml")
                .withEffect("NoSchedule")
                .endToleration()
                .endSpec()
                .build());

        CompletableFuture<CommandResult> run = start(preflighted(), "a1", null);
        makeRunning("gpu-train-a1");

        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(new CommandResult(0, false));
        assertThat(listener.progress)
                .contains("preflight: 1 of 1 nodes can run pod gpu-train-a1 (dedicated-1); checked its node selector"
                        + " (none), 3 tolerations, requests cpu 8, memory 32Gi, pods 1 against the labels, taints,"
                        + " cordon and allocatable resources (less what other pods request) of 1 node");
    }

    /**
     * Issue 14 review: when the dry run is skipped (a webhook without dry-run support), the preflight judges a pod
     * admission has not touched, so it only warns: the node's taint, which the namespace's default toleration would
     * cover, does not stop the run.
     */
    @Test
    void aSkippedDryRunLeavesThePreflightOnlyWarning() throws Exception {
        dedicatedNode();
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/" + NAMESPACE + "/pods?dryRun=All")
                .andReturn(400, MockDryRun.webhookWithoutDryRun())
                .once();

        CompletableFuture<CommandResult> run = start(preflighted(), "s1", null);
        makeRunning("gpu-train-s1");

        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(new CommandResult(0, false));
        assertThat(listener.progress)
                .contains("preflight: only warning, the pod was not defaulted by the API server (dry run skipped)")
                .anySatisfy(line -> assertThat(line)
                        .startsWith("preflight: WARNING: no node can run pod gpu-train-s1 (")
                        .contains("dedicated-1 (taint dedicated=ml:NoSchedule not tolerated)")
                        .endsWith("; creating it anyway"))
                .contains("created pod " + NAMESPACE + "/gpu-train-s1");
    }

    /**
     * Issue 14 review 4: the preflight's wait for a node to recover and the pod's wait to run share the one pending
     * timeout, measured on the run's clock from before the preflight: a node not Ready for the first minute of a 2m
     * pending timeout leaves the pod one minute.
     */
    @Test
    void thePreflightsWaitComesOutOfThePendingTimeout() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
        client.nodes().resource(largeNode().notReady().build()).create();
        KubernetesTraining training = new KubernetesTraining(
                        client,
                        clock,
                        Duration.ofMinutes(2),
                        true,
                        listener,
                        (pod, watch, command, timeout, progress) -> {
                            throw new AssertionError("no command runs");
                        },
                        copy)
                .sleepingWith(duration -> {
                    sleeps.add(duration);
                    clock.advance(duration);
                    if (sleeps.size() == 6) {
                        client.nodes().resource(largeNode().build()).update();
                    }
                });

        CompletableFuture<CommandResult> run = start(training, "b1", null);
        client.pods()
                .inNamespace(NAMESPACE)
                .withName("gpu-train-b1")
                .waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.UNSCHEDULABLE))
                .hasMessageContaining(" after the pending timeout of 2m (1m of it spent waiting for nodes to recover)");
        assertThat(sleeps).hasSize(6).containsOnly(Duration.ofSeconds(10));
    }

    private static Nodes largeNode() {
        return Nodes.node("large-1").allocatable("cpu", "64").allocatable("memory", "256Gi");
    }

    @Test
    void aPodTheApiServerRefusesIsNeverCreated() {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/" + NAMESPACE + "/pods?dryRun=All")
                .andReturn(
                        422,
                        InvalidPodStatus.of("gpu-train-v1", "spec.restartPolicy", "Unsupported value: \"Sometimes\""))
                .once();

        CompletableFuture<CommandResult> run = start(
                training((pod, watch, command, timeout, progress) -> {
                    throw new AssertionError("no command runs");
                }),
                "v1",
                null);

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.REFUSED))
                .hasMessageEndingWith("spec.restartPolicy: Unsupported value: \"Sometimes\"");
        assertThat(client.pods().inAnyNamespace().list().getItems()).isEmpty();
        assertThat(listener.progress).noneMatch(line -> line.startsWith("created pod"));
    }

    /**
     * A pod disrupted while still Pending (the taint-eviction controller deletes a pod bound to a node tainted
     * {@code NoExecute}: no work lost) is replaced within the pending timeout without counting against the retries.
     */
    @Test
    void aPodDisruptedBeforeItsCommandStartedIsReplacedWithoutUsingARetry() throws Exception {
        CompletableFuture<CommandResult> run = start(pending(Duration.ofMinutes(5)), "u1", null);
        setStatus(created("gpu-train-u1"), disruptedWhilePending());
        makeRunning("gpu-train-u1-r1");

        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(new CommandResult(0, false));
        assertThat(listener.progress)
                .contains("The pod is being stopped (DisruptionTarget: DeletionByTaintManager): Taint manager: deleting"
                        + " due to NoExecute taint; its command had not started: replacing it with a new pod within"
                        + " the pending timeout (not counted against the retries) in 5 s")
                .contains("deleted pod gpu-train-u1", "deleted pod gpu-train-u1-r1");
        assertThat(downloads).containsExactly("gpu-train-u1-r1");
        assertThat(sleeps).containsExactly(KubernetesTraining.REPLACEMENT_PAUSE);
    }

    /** A pod disrupted after its command started is a counted retry, also with a pending timeout. */
    @Test
    void aPodDisruptedAfterItsCommandStartedIsACountedRetry() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            if (pod.get().getMetadata().getName().equals("gpu-train-u3")) {
                setStatus(pod, evicted());
                return new CommandResult(137, false);
            }
            return new CommandResult(0, false);
        };
        KubernetesTraining training = new KubernetesTraining(
                        client, Clock.systemUTC(), Duration.ofMinutes(5), false, listener, exec, copy)
                .sleepingWith(sleeps::add)
                .retrying(1);

        CompletableFuture<CommandResult> run = start(training, "u3", null);
        makeRunning("gpu-train-u3");
        makeRunning("gpu-train-u3-r1");

        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(new CommandResult(0, false));
        assertThat(listener.progress)
                .contains("The pod was evicted: The node was low on resource: memory.; retrying with a new pod (1 of"
                        + " 1)")
                .noneMatch(line -> line.contains("not counted against the retries"));
    }

    /** Pods that keep failing before their command starts are replaced a bounded number of times, then fail. */
    @Test
    void replacementsOfPodsThatNeverStartedAreBounded() throws Exception {
        CompletableFuture<CommandResult> run = start(pending(Duration.ofMinutes(5)), "u2", null);
        setStatus(created("gpu-train-u2"), disruptedWhilePending());
        for (int attempt = 1; attempt <= KubernetesTraining.UNSTARTED_REPLACEMENTS; attempt++) {
            setStatus(created("gpu-train-u2-r" + attempt), disruptedWhilePending());
        }

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.DISRUPTED));
        assertThat(listener.progress)
                .filteredOn(line -> line.contains("(not counted against the retries)"))
                .hasSize(KubernetesTraining.UNSTARTED_REPLACEMENTS);
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    /** A run with a pending timeout, no retries, whose command succeeds. */
    private KubernetesTraining pending(Duration pendingTimeout) {
        return new KubernetesTraining(
                        client,
                        Clock.systemUTC(),
                        pendingTimeout,
                        false,
                        listener,
                        (pod, watch, command, timeout, progress) -> new CommandResult(0, false),
                        copy)
                .sleepingWith(sleeps::add);
    }

    private PodResource created(String name) {
        PodResource pod = client.pods().inNamespace(NAMESPACE).withName(name);
        pod.waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
        return pod;
    }

    private static PodStatus disruptedWhilePending() {
        return new PodStatusBuilder()
                .withPhase("Pending")
                .withConditions(Disruptions.byTaintManager())
                .build();
    }

    /** The only node, tainted {@code dedicated=ml:NoSchedule}. */
    private void dedicatedNode() {
        client.nodes()
                .resource(Nodes.node("dedicated-1")
                        .taint("dedicated", "ml", "NoSchedule")
                        .allocatable("cpu", "64")
                        .allocatable("memory", "256Gi")
                        .build())
                .create();
    }

    /** A run with the preflight whose command succeeds. */
    private KubernetesTraining preflighted() {
        return new KubernetesTraining(
                client,
                Clock.systemUTC(),
                null,
                true,
                listener,
                (pod, watch, command, timeout, progress) -> new CommandResult(0, false),
                copy);
    }

    private KubernetesTraining training(PodExec exec) {
        return MockServerTraining.training(client, listener, exec, copy).sleepingWith(sleeps::add);
    }

    private CompletableFuture<CommandResult> start(KubernetesTraining training, String id, Duration timeout) {
        return MockServerTraining.start(server, training, id, timeout);
    }

    private void makeRunning(String name) {
        MockServerTraining.makeRunning(client, name);
    }

    private static void setStatus(PodResource resource, PodStatus status) {
        Pod current = resource.get();
        current.setStatus(status);
        resource.updateStatus(current);
    }

    private static PodStatus evicted() {
        return new PodStatusBuilder()
                .withPhase("Failed")
                .withReason("Evicted")
                .withMessage("The node was low on resource: memory.")
                .withConditions(new PodConditionBuilder()
                        .withType("DisruptionTarget")
                        .withStatus("True")
                        .withReason("TerminationByKubelet")
                        .build())
                .build();
    }

    private static PodStatus deadlineExceeded() {
        return new PodStatusBuilder()
                .withPhase("Failed")
                .withReason("DeadlineExceeded")
                .withMessage("Pod was active on the node longer than the specified deadline")
                .build();
    }
}
