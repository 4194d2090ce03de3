package io.jenkins.plugins.gputrain.core.engine.k8s;

import static io.jenkins.plugins.gputrain.core.engine.k8s.Nodes.gpuNode;
import static io.jenkins.plugins.gputrain.core.engine.k8s.Nodes.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NodeList;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The preflight against fabric8's mock server (CRUD mode; expectations for refused calls). */
@EnableKubernetesMockClient(crud = true)
class NodePreflightTest {
    private static final Pod T4_POD = NodeFitTest.pod("4-16000+nvidia-tesla-t4*1", "gpu=true");

    /** Finding 13: what the preflight checked, and against what. */
    private static final String CHECKED = "checked its node selector gpu=true, 3 tolerations, requests cpu 4, memory"
            + " 14.91Gi, nvidia.com/gpu 1, pods 1 against the labels, taints, cordon and allocatable resources (less"
            + " what other pods request) of ";

    KubernetesMockServer server;
    KubernetesClient client;

    private final RecordedProgress listener = new RecordedProgress();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T13:00:00Z"));
    private final List<Duration> sleeps = new ArrayList<>();
    private Runnable whileAsleep = () -> {};

    @Test
    void aFittingNodeLetsThePodGoAndIsNamed() throws Exception {
        add(node("cpu-1"), gpuNode("gpu-2"), gpuNode("gpu-1"), gpuNode("gpu-3").cordoned());

        preflight().check(T4_POD, PendingBudget.NONE);

        assertThat(listener.progress)
                .containsExactly("preflight: 2 of 4 nodes can run pod train-1 (gpu-1, gpu-2); " + CHECKED + "4 nodes");
    }

    @Test
    void manyFittingNodesAreNotAllListed() throws Exception {
        add(gpuNode("g1"), gpuNode("g2"), gpuNode("g3"), gpuNode("g4"));

        preflight().check(T4_POD, PendingBudget.NONE);

        assertThat(listener.progress)
                .containsExactly("preflight: 4 of 4 nodes can run pod train-1 (g1, g2, g3, …); " + CHECKED + "4 nodes");
    }

    @Test
    void noFittingNodeFailsNamingTheClosestNodesAndWhatEachLacks() {
        add(
                node("cpu-big").label("gpu", "true"),
                node("cpu-small").allocatable("cpu", "2").allocatable("memory", "8Gi"),
                gpuNode("gpu-busy").notReady(),
                gpuNode("gpu-dedicated")
                        .taint("dedicated", "team-a", "NoSchedule")
                        .allocatable("cpu", "2"));

        assertThatThrownBy(() -> preflight().check(T4_POD, PendingBudget.NONE))
                .isInstanceOfSatisfying(PodFailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.NO_FITTING_NODE);
                    assertThat(e.failure().kind().retryable()).isFalse();
                })
                .hasMessage("preflight: no node can run pod train-1, not even after waiting 5m for 1 of them to"
                        + " recover (" + CHECKED + "4 nodes; closest:"
                        + " cpu-big (0 of 1 nvidia.com/gpu allocatable);"
                        + " gpu-busy (not Ready);"
                        + " gpu-dedicated (taint dedicated=team-a:NoSchedule not tolerated, 2 of 4 cpu allocatable))"
                        + "; if an autoscaler adds nodes on demand, turn the preflight off");
        assertThat(listener.progress)
                .containsExactly("preflight: waiting: no node can run pod train-1 now, but 1 of 4 nodes would once"
                        + " their conditions clear (gpu-busy (not Ready)); reading the nodes again every 10s for up to"
                        + " 5m");
    }

    /**
     * Issue 14 review: a pod the dry run did not return (skipped for a webhook without dry-run support) has not been
     * through admission, which may still add tolerations ({@code PodTolerationRestriction},
     * {@code ExtendedResourceToleration}): the preflight says why once and warns instead of refusing or waiting.
     */
    @Test
    void aPodTheApiServerDidNotAdmitIsOnlyWarnedAboutWithoutWaiting() throws Exception {
        add(gpuNode("gpu-busy").notReady(), gpuNode("gpu-dedicated").taint("dedicated", "team-a", "NoSchedule"));

        preflight().check(new AdmittedPod(T4_POD, false), PendingBudget.NONE);

        assertThat(sleeps).isEmpty();
        assertThat(listener.progress)
                .containsExactly(
                        "preflight: only warning, the pod was not defaulted by the API server (dry run skipped)",
                        "preflight: WARNING: no node can run pod train-1, though 1 of them would once their conditions"
                                + " clear (" + CHECKED + "2 nodes; closest: gpu-busy (not Ready); gpu-dedicated (taint"
                                + " dedicated=team-a:NoSchedule not tolerated)); if an autoscaler adds nodes on demand,"
                                + " turn the preflight off; creating it anyway");
    }

    @Test
    void aPodTheApiServerDidNotAdmitNamingAMissingNodeIsOnlyWarnedAbout() throws Exception {
        add(gpuNode("gpu-1"));

        preflight().check(new AdmittedPod(onNode(T4_POD, "gpu-9"), false), PendingBudget.NONE);

        assertThat(listener.progress)
                .last()
                .asString()
                .startsWith("preflight: WARNING: pod train-1 names node gpu-9 (spec.nodeName)")
                .endsWith("; creating it anyway");
    }

    /** The API server's pod is judged as before: refused when no node can take it. */
    @Test
    void aPodTheApiServerAdmittedIsStillRefused() {
        add(gpuNode("gpu-dedicated").taint("dedicated", "team-a", "NoSchedule"));

        assertThatThrownBy(() -> preflight().check(new AdmittedPod(T4_POD, true), PendingBudget.NONE))
                .isInstanceOf(PodFailureException.class)
                .hasMessageStartingWith("preflight: no node can run pod train-1 (");
        assertThat(listener.progress).isEmpty();
    }

    /**
     * Finding 9: a node that lacks only what its conditions take away (the node lifecycle controller's condition
     * taints, a cordon) may recover: the preflight says so, reads the nodes again every 10 s and, once one can take
     * the pod, lets it go.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "not-ready, not Ready",
        "unreachable, unreachable (Ready Unknown)",
        "unschedulable, cordoned",
        "network-unavailable, network unavailable (NetworkUnavailable)",
        "disk-pressure, under DiskPressure",
        "pid-pressure, under PIDPressure"
    })
    void aNodeBrieflyUnusableIsWaitedForThenUsed(String taint, String shortfall) throws Exception {
        add(node("cpu-1"), unusable(taint));
        whileAsleep = () -> {
            if (sleeps.size() == 3) {
                client.nodes().resource(gpuNode("gpu-1").build()).update();
            }
        };

        preflight().check(T4_POD, PendingBudget.NONE);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(listener.progress)
                .containsExactly(
                        "preflight: waiting: no node can run pod train-1 now, but 1 of 2 nodes would once their"
                                + " conditions clear (gpu-1 (" + shortfall + ")); reading the nodes again every 10s"
                                + " for up to 5m",
                        "preflight: 1 of 2 nodes can run pod train-1 (gpu-1); " + CHECKED + "2 nodes");
    }

    /**
     * Review finding 1: a rebooting GPU node still lists its GPU, but the training pod it ran (this run's last
     * attempt) is stranded on it, Running as far as the API server knows, until its kubelet is back: the node is
     * waited for, not refused at once, and used once it is back and the pod gone.
     */
    @Test
    void aRebootingGpuNodeWhosePodStillHoldsTheGpuIsWaitedFor() throws Exception {
        add(node("cpu-1"), gpuNode("gpu-1").rebooting());
        bind("train-0", "gpu-1", "Running");
        whileAsleep = () -> {
            if (sleeps.size() == 2) {
                client.nodes().resource(gpuNode("gpu-1").build()).update();
                client.pods().inNamespace("other").withName("train-0").delete();
            }
        };

        preflight().check(T4_POD, PendingBudget.NONE);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(listener.progress)
                .containsExactly(
                        "preflight: waiting: no node can run pod train-1 now, but 1 of 2 nodes would once their"
                                + " conditions clear (gpu-1 (unreachable (Ready Unknown), 0 of 1 nvidia.com/gpu free"
                                + " (1 requested by other pods))); reading the nodes again every 10s for up to 5m",
                        "preflight: 1 of 2 nodes can run pod train-1 (gpu-1); " + CHECKED + "2 nodes");
    }

    /** A rebooting node that could not take the pod even when back and empty is no reason to wait. */
    @Test
    void aRebootingNodeTooSmallForThePodIsRefusedAtOnce() {
        add(gpuNode("gpu-small").allocatable("cpu", "2").rebooting());

        assertThatThrownBy(() -> preflight().check(T4_POD, PendingBudget.NONE))
                .isInstanceOf(PodFailureException.class)
                .hasMessageContaining("closest: gpu-small (unreachable (Ready Unknown), 2 of 4 cpu allocatable)");
        assertThat(sleeps).isEmpty();
    }

    /** A node that does not recover within the allowance: the refusal says how long it was waited for. */
    @Test
    void aNodeThatStaysUnusableIsRefusedAfterTheAllowance() {
        add(node("cpu-1"), gpuNode("gpu-1").notReady());

        assertThatThrownBy(() -> preflight().check(T4_POD, PendingBudget.NONE))
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.NO_FITTING_NODE))
                .hasMessage("preflight: no node can run pod train-1, not even after waiting 5m for 1 of them to"
                        + " recover (" + CHECKED + "2 nodes; closest: gpu-1 (not Ready); cpu-1 (label gpu=true"
                        + " missing, 0 of 1 nvidia.com/gpu allocatable)); if an autoscaler adds nodes on demand, turn"
                        + " the preflight off");
        assertThat(sleeps).hasSize(30);
        assertThat(listener.progress).singleElement().asString().startsWith("preflight: waiting: ");
    }

    /**
     * Issue 14 review 2: a pending timeout shorter than the allowance ends the wait for a node to recover, never
     * later (the last sleep shortened to land on it), and the refusal says that it did.
     */
    @Test
    void aPendingTimeoutShorterThanTheAllowanceEndsTheWaitAndIsNamed() {
        add(node("cpu-1"), gpuNode("gpu-1").notReady());

        assertThatThrownBy(() -> preflight().check(T4_POD, PendingBudget.from(clock.instant(), Duration.ofSeconds(25))))
                .isInstanceOf(PodFailureException.class)
                .hasMessage("preflight: no node can run pod train-1, not even after waiting 25s, the pending timeout"
                        + " (shorter than the 5m allowed for nodes to recover), for 1 of them to recover ("
                        + CHECKED + "2 nodes; closest: gpu-1 (not Ready); cpu-1 (label gpu=true missing, 0 of 1"
                        + " nvidia.com/gpu allocatable)); if an autoscaler adds nodes on demand, turn the preflight"
                        + " off");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5));
        assertThat(listener.progress)
                .containsExactly("preflight: waiting: no node can run pod train-1 now, but 1 of 2 nodes would once"
                        + " their conditions clear (gpu-1 (not Ready)); reading the nodes again every 10s for up to"
                        + " 25s (the pending timeout)");
    }

    /**
     * Issue 14 review 4: the time left is judged once the nodes are read, not before: with reads that take 20 s of a
     * 25 s pending timeout, the first wait is the 5 s left after them, and the second read is the last.
     */
    @Test
    void theTimeLeftIsJudgedAfterTheNodesAreRead() {
        NodeList nodes = new NodeListBuilder()
                .withItems(node("cpu-1").build(), gpuNode("gpu-1").notReady().build())
                .build();
        server.expect()
                .get()
                .withPath("/api/v1/nodes")
                .andReply(200, request -> {
                    clock.advance(Duration.ofSeconds(20));
                    return nodes;
                })
                .always();

        assertThatThrownBy(() -> preflight().check(T4_POD, PendingBudget.from(clock.instant(), Duration.ofSeconds(25))))
                .hasMessageStartingWith(
                        "preflight: no node can run pod train-1, not even after waiting 25s, the" + " pending timeout");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
    }

    /**
     * Issue 14 review (14c) 4: the preflight waits until the deadline it is given, not for a pending timeout counted
     * afresh from its own first read: 10 s of a 25 s pending timeout already gone leave it 15 s.
     */
    @Test
    void theWaitEndsAtTheDeadlineItIsGiven() {
        add(node("cpu-1"), gpuNode("gpu-1").notReady());
        PendingBudget pending = PendingBudget.from(clock.instant(), Duration.ofSeconds(25));
        clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> preflight().check(T4_POD, pending))
                .hasMessageStartingWith(
                        "preflight: no node can run pod train-1, not even after waiting 25s, the pending timeout");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(5));
        assertThat(clock.instant()).isEqualTo(pending.deadline().orElseThrow());
    }

    /** A pending timeout longer than the allowance leaves it as it is. */
    @Test
    void aPendingTimeoutLongerThanTheAllowanceLeavesIt() {
        add(node("cpu-1"), gpuNode("gpu-1").notReady());

        assertThatThrownBy(() -> preflight().check(T4_POD, PendingBudget.from(clock.instant(), Duration.ofMinutes(10))))
                .hasMessageStartingWith("preflight: no node can run pod train-1, not even after waiting 5m for 1 of"
                        + " them to recover (");
        assertThat(sleeps).hasSize(30);
    }

    private static Nodes unusable(String taint) {
        Nodes node = gpuNode("gpu-1");
        return switch (taint) {
            case "not-ready" -> node.notReady();
            case "unreachable" -> node.rebooting();
            case "unschedulable" -> node.cordoned();
            default -> node.taint("node.kubernetes.io/" + taint, null, "NoSchedule");
        };
    }

    /** Autoscaled GPU pools scaled to zero: no node of the selected kind exists yet, so the pod is created. */
    @Test
    void withNoNodeOfTheSelectedKindTheRunWarnsAndGoesOn() throws Exception {
        add(node("cpu-1"), node("cpu-2").label("gpu", "false"));

        preflight().check(T4_POD, PendingBudget.NONE);

        assertThat(listener.progress)
                .containsExactly("preflight: WARNING: none of the 2 nodes matches the node selector and affinity of pod"
                        + " train-1; creating it anyway, for a cluster autoscaler that adds such nodes (e.g. a GPU"
                        + " pool scaled to zero); without one it stays Pending");
    }

    @Test
    void aClusterWithoutNodesWarnsAndGoesOn() throws Exception {
        preflight().check(T4_POD, PendingBudget.NONE);

        assertThat(listener.progress).singleElement().asString().startsWith("preflight: WARNING: none of the 0 nodes");
    }

    /**
     * The scheduler's {@code noderesources} plugin counts what non-terminated pods on the node request; a shortfall
     * that other pods hold is resolvable (the scheduler queues the pod), so the pod is created with a warning.
     */
    @Test
    void whatRunningPodsHoldIsAWaitNotARefusal() throws Exception {
        add(gpuNode("gpu-1"));
        bind("busy", "gpu-1", "Running");
        bind("done", "gpu-1", "Succeeded");

        preflight().check(T4_POD, PendingBudget.NONE);

        assertThat(listener.progress)
                .containsExactly("preflight: waiting: pod train-1 fits 1 of 1 nodes once what is held by other pods is"
                        + " freed (gpu-1 (0 of 1 nvidia.com/gpu free (1 requested by other pods))); creating it, the"
                        + " scheduler queues it");
    }

    /** A node whose GPU other pods hold but that lacks CPUs even when empty cannot take the pod: a refusal. */
    @Test
    void aRefusalWhenNoNodeFitsEvenWithoutOtherPods() {
        add(gpuNode("gpu-small").allocatable("cpu", "2"));
        bind("busy", "gpu-small", "Running");

        assertThatThrownBy(() -> preflight().check(T4_POD, PendingBudget.NONE))
                .isInstanceOf(PodFailureException.class)
                .hasMessageContaining("gpu-small (1 of 4 cpu free (1 requested by other pods), 0 of 1 nvidia.com/gpu"
                        + " free (1 requested by other pods))");
    }

    @Test
    void podsThatEndedLeaveTheirResources() throws Exception {
        add(gpuNode("gpu-1"));
        bind("done", "gpu-1", "Succeeded");
        bind("failed", "gpu-1", "Failed");

        preflight().check(T4_POD, PendingBudget.NONE);

        assertThat(listener.progress)
                .containsExactly("preflight: 1 of 1 nodes can run pod train-1 (gpu-1); " + CHECKED + "1 node");
    }

    private void bind(String name, String node, String phase) {
        Pod other = NodeFitTest.pod("1-1000+nvidia-tesla-t4*1", "gpu=true");
        other.getMetadata().setName(name);
        other.getMetadata().setNamespace("other");
        other.getSpec().setNodeName(node);
        other.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                .withPhase(phase)
                .build());
        client.pods().inNamespace("other").resource(other).create();
    }

    /**
     * N19: a pod naming its node ({@code spec.nodeName} from {@code --pod-yaml}) is never scheduled; its kubelet
     * admits it ({@code pkg/kubelet/lifecycle/predicate.go} generalFilter, v1.35.4), which ignores a cordon and
     * {@code NoSchedule} taints. Only that node is read, and the outcome says the scheduler is bypassed.
     */
    @Test
    void aPodNamingItsNodeIsCheckedOnThatNodeOnlyAsItsKubeletAdmitsIt() throws Exception {
        add(gpuNode("gpu-1"), gpuNode("gpu-2").cordoned().taint("dedicated", "team-a", "NoSchedule"));

        preflight().check(onNode(T4_POD, "gpu-2"), PendingBudget.NONE);

        assertThat(listener.progress)
                .containsExactly("preflight: pod train-1 names node gpu-2 (spec.nodeName), so the scheduler is"
                        + " bypassed and only that node was checked, as its kubelet admits pods: it can run it");
    }

    @Test
    void aNamedNodeThatCannotTakeThePodIsARefusalThoughOthersCould() {
        add(gpuNode("gpu-1"), node("cpu-1"), gpuNode("gpu-2").taint("maintenance", "", "NoExecute"));
        bind("busy", "gpu-1", "Running");

        assertThatThrownBy(() -> preflight().check(onNode(T4_POD, "cpu-1"), PendingBudget.NONE))
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.NO_FITTING_NODE))
                .hasMessage("preflight: pod train-1 names node cpu-1 (spec.nodeName), so the scheduler is bypassed"
                        + " and only that node was checked, as its kubelet admits pods: it cannot run it now"
                        + " (label gpu=true missing, 0 of 1 nvidia.com/gpu allocatable); drop spec.nodeName to let"
                        + " the scheduler choose a node");
        assertThatThrownBy(() -> preflight().check(onNode(T4_POD, "gpu-2"), PendingBudget.NONE))
                .hasMessageContaining("(taint maintenance:NoExecute not tolerated)");
        // what other pods hold counts, and only the named node's pods: the kubelet rejects at once (OutOf…)
        assertThatThrownBy(() -> preflight().check(onNode(T4_POD, "gpu-1"), PendingBudget.NONE))
                .hasMessageContaining("(0 of 1 nvidia.com/gpu free (1 requested by other pods))");
    }

    @Test
    void aNamedNodeThatDoesNotExistIsARefusal() {
        add(gpuNode("gpu-1"));

        assertThatThrownBy(() -> preflight().check(onNode(T4_POD, "gpu-9"), PendingBudget.NONE))
                .isInstanceOf(PodFailureException.class)
                .hasMessage("preflight: pod train-1 names node gpu-9 (spec.nodeName), so the scheduler is bypassed"
                        + " and only that node was checked: there is no node gpu-9; name an existing node or drop"
                        + " spec.nodeName");
    }

    private static Pod onNode(Pod pod, String node) {
        return new io.fabric8.kubernetes.api.model.PodBuilder(pod)
                .editSpec()
                .withNodeName(node)
                .endSpec()
                .build();
    }

    @Test
    void credentialsThatMayNotListNodesSkipThePreflightWithANote() throws Exception {
        server.expect()
                .get()
                .withPath("/api/v1/nodes")
                .andReturn(403, "forbidden")
                .always();

        preflight().check(T4_POD, PendingBudget.NONE);

        assertThat(listener.progress)
                .containsExactly("preflight skipped: these credentials may not list nodes (HTTP 403); the pod's"
                        + " scheduling will tell");
    }

    @Test
    void otherApiErrorsAreNotHidden() {
        server.expect()
                .get()
                .withPath("/api/v1/nodes")
                .andReturn(404, "not found")
                .always();

        assertThatThrownBy(() -> preflight().check(T4_POD, PendingBudget.NONE))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(404));
    }

    @Test
    void anInterruptWhileListingIsAnInterrupt() {
        add(gpuNode("gpu-1"));
        Thread.currentThread().interrupt();
        try {
            // fabric8 checks the interrupt only while it waits: a list whose answer is already there when it
            // starts to wait returns, and the next list (the pods on the nodes) is the one interrupted
            assertThatThrownBy(() -> preflight().check(T4_POD, PendingBudget.NONE))
                    .isInstanceOf(InterruptedException.class)
                    .hasMessageMatching("interrupted while listing the (nodes|pods)");
        } finally {
            Thread.interrupted();
        }
    }

    private NodePreflight preflight() {
        return new NodePreflight(client, listener, clock, duration -> {
            sleeps.add(duration);
            clock.advance(duration);
            whileAsleep.run();
        });
    }

    private void add(Nodes... nodes) {
        for (Nodes node : nodes) {
            client.nodes().resource(node.build()).create();
        }
    }
}
