package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.engine.k8s.NodePreflight;
import io.jenkins.plugins.gputrain.core.engine.k8s.PendingBudget;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailure;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.pod.PodManifest;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The preflight ({@link NodePreflight#check}, which {@code gpu-train run} and the build step call on the pod
 * {@link TrainingPodFactory} makes, before creating it) against the real kube-scheduler's verdict on that same pod,
 * over random node sets: CPU, memory and GPU capacity, {@code gpu=true}/{@code gpu=false} labels, {@code NoSchedule}
 * taints, cordoned nodes, and pods already bound to a node (through {@code spec.nodeName}) that take part of it; and
 * random machines: {@code cpuMemory} with and without GPUs, node selector, tolerations. Each try's nodes carry a label
 * and a taint of their own that only its pod selects and tolerates, so that nothing else on the shared test cluster
 * schedules onto them and its pod onto nothing else.
 *
 * <p>Two implications are checked: the preflight refusing ("no node can run this pod") implies the scheduler leaves
 * the pod Unschedulable (equivalently: the scheduler binding the pod implies the preflight did not refuse); and the
 * preflight naming nodes that can run the pod implies the scheduler binds it to one of them. The converse of the
 * first does not hold by design: with no node of the selected kind the preflight warns and lets the pod be created
 * (for autoscaled pools), and the scheduler leaves it Unschedulable.
 *
 * <p>So that the implications cannot hold vacuously, the tries are counted (jqwik's statistics, printed with the
 * result) by what the preflight said and what the scheduler did, and the refusals by the shortfalls they name; at
 * least {@value #MIN_CASES} tries must fit and be bound, {@value #MIN_CASES} be refused and left Unschedulable, one be
 * warned or waiting, and refusals must name labels and, {@value #MIN_CASES} times, some other shortfall.
 */
class PreflightVersusSchedulerIT {
    private static final String SET_KEY = "gpu-train-it/set";
    private static final AtomicInteger TRIES = new AtomicInteger();

    /** The pending timeout the preflight is given, which bounds its wait for nodes to recover. */
    private static final Duration NODE_WAIT = Duration.ofSeconds(2);

    /** More than the preflight's own reads of nodes and pods take on a loaded machine. */
    private static final Duration PREFLIGHT_READS = Duration.ofSeconds(20);

    /** How many tries at least must have each main outcome, so that the implications are not true vacuously. */
    private static final int MIN_CASES = 3;

    /** The kinds of shortfall counted, and the words of {@code NodeFit}'s descriptions that name them. */
    private static final Map<String, String> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put("labels", "label ");
        REASONS.put("taints", " not tolerated");
        REASONS.put("cordoned", "cordoned");
        REASONS.put("cpu", " cpu ");
        REASONS.put("memory", " memory ");
        REASONS.put("GPUs", " " + FakeNode.GPU + " ");
        REASONS.put("held by other pods", "requested by other pods");
    }

    private static Optional<Testbed> testbed;
    private static Sandbox sandbox;

    @BeforeContainer
    static void connect() {
        testbed = Testbed.connectIfRunning();
        testbed.ifPresent(bed -> sandbox = Sandbox.create(bed, "preflight"));
    }

    @AfterContainer
    static void close() {
        if (sandbox != null) {
            sandbox.close();
        }
        testbed.ifPresent(Testbed::close);
    }

    /** One generated node: capacity, labels, taints, cordon, and what the pods already on it take (percent). */
    record NodeDraft(
            int cpuMillis,
            int memoryMi,
            int gpus,
            String gpuLabel,
            boolean dedicatedTaint,
            boolean gpuTaint,
            boolean cordoned,
            int usedPercent) {
        FakeNode toFakeNode(String name, String set) {
            FakeNode node = FakeNode.named(name)
                    .label(SET_KEY, set)
                    .resource("cpu", cpuMillis + "m")
                    .resource("memory", memoryMi + "Mi")
                    .taint(SET_KEY, set, "NoSchedule")
                    .cordoned(cordoned);
            if (gpus > 0) {
                node = node.gpus(gpus);
            }
            if (gpuLabel != null) {
                node = node.label("gpu", gpuLabel);
            }
            if (dedicatedTaint) {
                node = node.taint("dedicated", "ml", "NoSchedule");
            }
            if (gpuTaint) {
                node = node.taint(FakeNode.GPU, "present", "NoSchedule");
            }
            return node;
        }

        /** The pod already bound to the node, requesting {@code usedPercent} of each of its resources. */
        Optional<Pod> usage(String name, String nodeName) {
            if (usedPercent == 0) {
                return Optional.empty();
            }
            Map<String, Quantity> requests = new LinkedHashMap<>();
            requests.put("cpu", new Quantity(cpuMillis * usedPercent / 100 + "m"));
            requests.put("memory", new Quantity(memoryMi * usedPercent / 100 + "Mi"));
            int gpusTaken = gpus * usedPercent / 100;
            if (gpusTaken > 0) {
                requests.put(FakeNode.GPU, new Quantity(Integer.toString(gpusTaken)));
            }
            return Optional.of(new PodBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .endMetadata()
                    .withNewSpec()
                    .withNodeName(nodeName)
                    .addNewContainer()
                    .withName("other")
                    .withImage("busybox")
                    .withNewResources()
                    .withRequests(requests)
                    .withLimits(requests)
                    .endResources()
                    .endContainer()
                    .endSpec()
                    .build());
        }
    }

    /** One generated gpu-train machine: cpuMemory, node selector, tolerations, the GPU toleration switch. */
    record MachineDraft(String cpuMemory, String selector, List<String> tolerations, boolean gpuToleration) {}

    @Provide
    Arbitrary<List<NodeDraft>> nodeSets() {
        Arbitrary<NodeDraft> node = Combinators.combine(
                        Arbitraries.of(1000, 2000, 4000, 8000),
                        Arbitraries.of(1024, 4096, 16384, 65536),
                        Arbitraries.of(0, 1, 2, 4),
                        Arbitraries.of("true", "false").injectNull(0.3),
                        Arbitraries.of(false, true),
                        Arbitraries.of(false, true),
                        Arbitraries.of(false, false, false, true),
                        Arbitraries.of(0, 0, 25, 50, 100))
                .as(NodeDraft::new);
        return node.list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<MachineDraft> machines() {
        return Combinators.combine(
                        Arbitraries.of(
                                "250m-512Mi",
                                "1-1000",
                                "2-4000",
                                "4-16000",
                                "1-1000+nvidia-tesla-t4*1",
                                "2-4000+nvidia-tesla-t4*2",
                                "4-16000+nvidia-tesla-t4*4"),
                        Arbitraries.of("", "gpu=true", "gpu=false"),
                        Arbitraries.of(
                                List.<String>of(),
                                List.of("dedicated=ml:NoSchedule"),
                                List.of("dedicated:NoSchedule"),
                                List.of("dedicated=other:NoSchedule"),
                                List.of("node.kubernetes.io/unschedulable:NoSchedule"),
                                List.of("dedicated=ml:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule")),
                        Arbitraries.of(true, false))
                .as(MachineDraft::new);
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void preflightRefusesOnlyWhatTheSchedulerLeavesUnschedulable(
            @ForAll("nodeSets") List<NodeDraft> drafts, @ForAll("machines") MachineDraft machine) throws Exception {
        Assume.that(testbed.isPresent());
        String set = sandbox.namespace() + "-" + TRIES.incrementAndGet();
        List<FakeNode> nodes = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            nodes.add(drafts.get(i).toFakeNode(set + "-" + i, set));
        }
        try {
            sandbox.nodes(nodes.toArray(FakeNode[]::new));
            for (int i = 0; i < drafts.size(); i++) {
                Optional<Pod> usage = drafts.get(i)
                        .usage("used-" + set + "-" + i, nodes.get(i).name());
                usage.ifPresent(this::createAndAwaitRunning);
            }
            Pod pod = new TrainingPodFactory().create(spec(machine, set));
            RecordedProgress listener = new RecordedProgress();
            Instant start = Instant.now();
            Optional<PodFailure> refusal = preflight(pod, listener);
            Duration took = Duration.between(start, Instant.now());
            List<String> said = listener.progress;
            assertThat(took)
                    .as("the preflight's wait is bounded by its pending timeout of " + NODE_WAIT + ": " + said)
                    .isLessThan(NODE_WAIT.plus(PREFLIGHT_READS));

            boolean bound = schedulerBinds(pod);

            String context = "nodes " + drafts + "\nmachine " + machine + "\npreflight: " + said + refusal + "\npod:\n"
                    + new PodManifest().toYaml(pod);
            String outcome = outcome(refusal, said);
            Statistics.label("preflight / scheduler").collect(outcome, bound ? "bound" : "Unschedulable");
            refusal.ifPresent(failure -> reasons(failure.message())
                    .forEach(reason -> Statistics.label("refused for").collect(reason)));
            Statistics.label("preflight / scheduler").coverage(coverage -> {
                coverage.check("fits", "bound").count(n -> n >= MIN_CASES);
                coverage.check("refused", "Unschedulable").count(n -> n >= MIN_CASES);
                coverage.checkQuery(values -> List.of("warned", "waiting").contains(values.get(0)))
                        .count(n -> n >= 1);
            });
            Statistics.label("refused for").coverage(coverage -> {
                coverage.check("labels").count(n -> n >= 1);
                coverage.checkQuery(values -> !"labels".equals(values.get(0))).count(n -> n >= MIN_CASES);
            });
            if (refusal.isPresent()) {
                assertThat(bound)
                        .as("the preflight refused, so the scheduler must not bind:\n" + context)
                        .isFalse();
            }
            if (said.stream().anyMatch(line -> line.contains("nodes can run pod"))) {
                assertThat(bound)
                        .as("the preflight found nodes that fit, so the scheduler must bind:\n" + context)
                        .isTrue();
                String node = sandbox.client()
                        .pods()
                        .inNamespace(sandbox.namespace())
                        .withName(pod.getMetadata().getName())
                        .get()
                        .getSpec()
                        .getNodeName();
                assertThat(said.toString())
                        .as("bound to " + node + ":\n" + context)
                        .contains(node);
            }
        } finally {
            deletePods();
            sandbox.removeNodes();
        }
    }

    /** What the preflight said: a fitting node named, a refusal, a warning (no node of the kind), or waiting. */
    private static String outcome(Optional<PodFailure> refusal, List<String> said) {
        if (refusal.isPresent()) {
            return "refused";
        }
        String all = said.toString();
        if (all.contains("nodes can run pod")) {
            return "fits";
        }
        return all.contains("WARNING") ? "warned" : all.contains("waiting") ? "waiting" : "other: " + all;
    }

    /** The kinds of shortfall a refusal names for its closest nodes. */
    private static List<String> reasons(String refusal) {
        return REASONS.entrySet().stream()
                .filter(reason -> refusal.contains(reason.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static TrainingPodSpec spec(MachineDraft machine, String set) {
        List<String> selector = new ArrayList<>(List.of(SET_KEY + "=" + set));
        if (!machine.selector().isEmpty()) {
            selector.add(machine.selector());
        }
        TrainingPodSpec.Builder spec = TrainingPodSpec.builder("preflight")
                .podName("gpu-train-" + set)
                .namespace(sandbox.namespace())
                .machine(MachineSize.parse(machine.cpuMemory()))
                .nodeSelector(NodeSelector.parse(String.join(",", selector)))
                .gpuToleration(machine.gpuToleration())
                .toleration(TaintToleration.parse(SET_KEY + "=" + set + ":NoSchedule"));
        machine.tolerations().stream().map(TaintToleration::parse).forEach(spec::toleration);
        return spec.build();
    }

    /**
     * Runs the preflight as the engine does, with a pending timeout of {@link #NODE_WAIT}: the refusal, if it refused;
     * what it said goes to the listener. A try whose only fitting nodes are cordoned (which the preflight counts as
     * recovering: nothing here uncordons them) waits that long, not the preflight's five minutes for nodes to
     * recover, and is then refused as any other.
     */
    private static Optional<PodFailure> preflight(Pod pod, RecordedProgress listener) throws InterruptedException {
        try {
            new NodePreflight(sandbox.client(), listener).check(pod, PendingBudget.from(Instant.now(), NODE_WAIT));
            return Optional.empty();
        } catch (PodFailureException e) {
            assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.NO_FITTING_NODE);
            return Optional.of(e.failure());
        }
    }

    /** Creates the pod and reads the scheduler's verdict: bound to a node, or PodScheduled=False Unschedulable. */
    private static boolean schedulerBinds(Pod pod) {
        Pod decided = sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .resource(pod)
                .create();
        decided = sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .withName(decided.getMetadata().getName())
                .waitUntilCondition(
                        p -> p != null && (p.getSpec().getNodeName() != null || PodConditions.unschedulable(p)),
                        30,
                        TimeUnit.SECONDS);
        return decided.getSpec().getNodeName() != null;
    }

    private void createAndAwaitRunning(Pod pod) {
        sandbox.client().pods().inNamespace(sandbox.namespace()).resource(pod).create();
        sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .withName(pod.getMetadata().getName())
                .waitUntilCondition(
                        p -> p != null
                                && p.getStatus() != null
                                && "Running".equals(p.getStatus().getPhase()),
                        1,
                        TimeUnit.MINUTES);
    }

    private static void deletePods() {
        sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .withGracePeriod(0)
                .delete();
        sandbox.awaitNoPods();
    }
}
