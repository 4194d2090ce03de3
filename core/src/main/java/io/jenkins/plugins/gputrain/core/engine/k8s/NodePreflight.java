package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks before a pod is created that some node can take it ({@link NodeFit}), so that a pod that could never be
 * scheduled fails at once, naming the closest nodes and what each lacks, instead of waiting Pending. When the
 * credentials may not list nodes (RBAC), the check is skipped with a note. Clusters whose autoscaler adds nodes on
 * demand (node pools scaled to zero) need not turn it off: when no node at all matches the pod's node selector and
 * required affinity, it warns and lets the pod be created. What the nodes' non-terminated pods request is
 * subtracted from their allocatable resources; a pod that fits some node once other pods free what they hold (a
 * busy GPU) is created with a warning, as the scheduler queues it, and refused only when no node could ever take it.
 * A pod that names its node ({@code spec.nodeName}, e.g. from {@code --pod-yaml}) bypasses the scheduler: only that
 * node is checked, as its kubelet admits pods, and the outcome says so. When no node can take the pod now but some
 * would once their conditions clear (not Ready, unreachable, cordoned, network unavailable, under pressure: a node
 * rebooting, being upgraded or briefly overloaded), the check waits, saying why, and looks again every {@link #POLL}
 * for up to {@link #RECOVERY}, or the pending timeout when that is shorter, before it refuses the pod, saying which
 * of the two ended the wait; such a node may also lack what the pods stranded on it still request (a rebooting GPU
 * node's training pod, Running or Terminating until its kubelet is back). A pod the API server has not defaulted and
 * admitted (the dry run skipped, {@link AdmittedPod#byServer()}) may still gain what the check would miss, such as a
 * namespace's default tolerations ({@code PodTolerationRestriction}) or the toleration of each requested extended
 * resource's taint ({@code ExtendedResourceToleration}): such a pod is never refused nor waited for; the check says
 * why once and warns instead.
 */
public final class NodePreflight {
    /** How many of the closest nodes a failure names. */
    static final int CLOSEST = 3;

    /**
     * How long nodes that lack only what their conditions take away are waited for: 5 minutes, Kubernetes' own
     * measure of a brief outage, the {@code DefaultTolerationSeconds} admission plugin's default
     * ({@code plugin/pkg/admission/defaulttolerationseconds} at v1.35.4: 300 s of {@code not-ready} and
     * {@code unreachable} before a node's pods are evicted).
     */
    static final Duration RECOVERY = Duration.ofMinutes(5);

    /** How often the nodes are read again meanwhile. */
    static final Duration POLL = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final ProgressListener listener;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * Creates the check.
     *
     * @param client the cluster connection
     * @param listener receives the outcome
     */
    public NodePreflight(KubernetesClient client, ProgressListener listener) {
        this(client, listener, Clock.systemUTC(), Sleeper.THREAD);
    }

    /**
     * Creates the check.
     *
     * @param client the cluster connection
     * @param listener receives the outcome
     * @param clock the time, for the wait for recovering nodes
     * @param sleeper waits between the reads of the nodes
     */
    public NodePreflight(KubernetesClient client, ProgressListener listener, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.listener = listener;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Checks the nodes for the pod the dry run left: as {@link #check(Pod, PendingBudget)} when it is the API
     * server's, otherwise only warning.
     *
     * @param admitted the pod as it will be created
     * @param pending the pod's pending timeout, whose deadline also ends the wait for nodes
     * @throws PodFailureException when no node can take the API server's pod
     * @throws InterruptedException when interrupted while listing the nodes or waiting
     */
    public void check(AdmittedPod admitted, PendingBudget pending) throws PodFailureException, InterruptedException {
        if (admitted.byServer()) {
            check(admitted.pod(), pending);
            return;
        }
        listener.progress("preflight: only warning, the pod was not defaulted by the API server (dry run skipped)");
        try {
            checkOnce(admitted.pod(), new Wait(Duration.ZERO, "", ""), clock.instant());
        } catch (PodFailureException e) {
            listener.progress("preflight: WARNING: " + e.failure().message().replaceFirst("^preflight: ", "")
                    + "; creating it anyway");
        }
    }

    /**
     * Checks the nodes for a pod as the API server admitted it, waiting for nodes that lack only what their
     * conditions take away up to {@link #RECOVERY} or the pending timeout, whichever is shorter: the wait for a node
     * never outlasts the time the user lets the pod wait.
     *
     * @param pod the pod as it will be created
     * @param pending the pod's pending timeout, whose deadline also ends the wait for nodes
     * @throws PodFailureException when no node can take it
     * @throws InterruptedException when interrupted while listing the nodes or waiting
     */
    public void check(Pod pod, PendingBudget pending) throws PodFailureException, InterruptedException {
        Instant recovered = clock.instant().plus(RECOVERY);
        Optional<Instant> pendingEnd = pending.deadline().filter(end -> end.isBefore(recovered));
        Wait wait = pendingEnd.isPresent()
                ? new Wait(
                        pending.timeout().orElseThrow(),
                        DurationSpec.format(pending.timeout().orElseThrow()) + " (the pending timeout)",
                        DurationSpec.format(pending.timeout().orElseThrow())
                                + ", the pending timeout (shorter than the " + DurationSpec.format(RECOVERY)
                                + " allowed for nodes to recover),")
                : new Wait(RECOVERY, DurationSpec.format(RECOVERY), DurationSpec.format(RECOVERY));
        Instant deadline = pendingEnd.orElse(recovered);
        String told = null;
        while (true) {
            Optional<String> waiting = checkOnce(pod, wait, deadline);
            if (waiting.isEmpty()) {
                return;
            }
            if (!waiting.get().equals(told)) {
                told = waiting.get();
                listener.progress(told);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            sleeper.sleep(left.isNegative() ? Duration.ZERO : left.compareTo(POLL) < 0 ? left : POLL);
        }
    }

    /**
     * How long nodes may be waited for to recover.
     *
     * @param limit the time
     * @param upTo how the waiting line says it, e.g. {@code 2m (the pending timeout)}
     * @param waited how the refusal says it
     */
    private record Wait(Duration limit, String upTo, String waited) {
        /** What the refusal says of the nodes that would recover; none are waited for when the limit is zero. */
        String after(int recovering) {
            return limit.isZero()
                    ? ", though " + recovering + " of them would once their conditions clear"
                    : ", not even after waiting " + waited + " for " + recovering + " of them to recover";
        }
    }

    /**
     * One look at the nodes; it is the last one when the deadline has passed once the nodes and pods are read.
     *
     * @return a line saying why the check waits, or empty when it is done
     */
    private Optional<String> checkOnce(Pod pod, Wait wait, Instant deadline)
            throws PodFailureException, InterruptedException {
        String nodeName = pod.getSpec().getNodeName();
        List<Node> nodes;
        try {
            nodes = nodeName == null || nodeName.isEmpty()
                    ? client.nodes().list().getItems()
                    : Stream.ofNullable(client.nodes().withName(nodeName).get()).toList();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN || e.getCode() == HttpURLConnection.HTTP_UNAUTHORIZED) {
                listener.progress("preflight skipped: these credentials may not list nodes (HTTP " + e.getCode()
                        + "); the pod's scheduling will tell");
                return Optional.empty();
            }
            ClientInterrupts.rethrowIfInterrupted(e, "listing the nodes");
            throw e;
        }
        String name = pod.getMetadata().getName();
        PodNeeds needs = PodNeeds.of(pod);
        if (nodeName != null && !nodeName.isEmpty()) {
            checkNamed(name, nodeName, needs, nodes);
            return Optional.empty();
        }
        Map<String, Map<String, BigDecimal>> used = usedByNode();
        List<NodeFit> fits = nodes.stream()
                .map(node -> NodeFit.of(
                        node, needs, used.getOrDefault(node.getMetadata().getName(), Map.of())))
                .toList();
        List<String> fitting =
                fits.stream().filter(NodeFit::fits).map(NodeFit::node).sorted().toList();
        if (!fitting.isEmpty()) {
            listener.progress("preflight: " + fitting.size() + " of " + nodes.size() + " nodes can run pod " + name
                    + " (" + names(fitting) + "); " + checked(needs, nodes.size()));
            return Optional.empty();
        }
        if (nodes.stream().noneMatch(node -> NodeFit.selects(node, needs))) {
            listener.progress("preflight: WARNING: none of the " + nodes.size() + " nodes matches the node selector"
                    + " and affinity of pod " + name + "; creating it anyway, for a cluster autoscaler that adds"
                    + " such nodes (e.g. a GPU pool scaled to zero); without one it stays Pending");
            return Optional.empty();
        }
        List<String> onceFreed = nodes.stream()
                .filter(node -> NodeFit.of(node, needs).fits())
                .map(node -> node.getMetadata().getName())
                .sorted()
                .toList();
        if (!onceFreed.isEmpty()) {
            String held = fits.stream()
                    .filter(fit -> onceFreed.contains(fit.node()))
                    .limit(CLOSEST)
                    .map(NodeFit::describe)
                    .collect(Collectors.joining("; "));
            listener.progress("preflight: waiting: pod " + name + " fits " + onceFreed.size() + " of "
                    + nodes.size() + " nodes once what is held by other pods is freed (" + held
                    + "); creating it, the scheduler queues it");
            return Optional.empty();
        }
        List<NodeFit> recovering = fits.stream()
                .filter(NodeFit::recovering)
                .sorted(Comparator.comparing(NodeFit::node))
                .toList();
        String recoveringNodes =
                recovering.stream().limit(CLOSEST).map(NodeFit::describe).collect(Collectors.joining("; "));
        if (!recovering.isEmpty() && clock.instant().isBefore(deadline)) {
            return Optional.of("preflight: waiting: no node can run pod " + name + " now, but " + recovering.size()
                    + " of " + nodes.size() + " nodes would once their conditions clear (" + recoveringNodes
                    + "); reading the nodes again every " + DurationSpec.format(POLL) + " for up to "
                    + wait.upTo());
        }
        String closest = fits.stream()
                .sorted(Comparator.comparingInt(
                                (NodeFit fit) -> fit.shortfalls().size())
                        .thenComparing(NodeFit::node))
                .limit(CLOSEST)
                .map(NodeFit::describe)
                .collect(Collectors.joining("; "));
        throw new PodFailureException(new PodFailure(
                PodFailure.Kind.NO_FITTING_NODE,
                "preflight: no node can run pod " + name
                        + (recovering.isEmpty() ? "" : wait.after(recovering.size()))
                        + " (" + checked(needs, nodes.size()) + "; closest: " + closest + ")"
                        + "; if an autoscaler adds nodes on demand, turn the preflight off"));
    }

    /**
     * A pod naming its node ({@code spec.nodeName}) is never scheduled: that node's kubelet admits or rejects it
     * ({@link NodeFit#admission}), so only that node is checked, and no other is tried.
     */
    private void checkNamed(String name, String nodeName, PodNeeds needs, List<Node> nodes)
            throws PodFailureException, InterruptedException {
        String bypassed = "pod " + name + " names node " + nodeName + " (spec.nodeName), so the scheduler is bypassed"
                + " and only that node was checked";
        if (nodes.isEmpty()) {
            throw new PodFailureException(new PodFailure(
                    PodFailure.Kind.NO_FITTING_NODE,
                    "preflight: " + bypassed + ": there is no node " + nodeName
                            + "; name an existing node or drop spec.nodeName"));
        }
        Map<String, BigDecimal> used = usedByNode().getOrDefault(nodeName, Map.of());
        NodeFit fit = NodeFit.admission(nodes.get(0), needs, used);
        if (!fit.fits()) {
            throw new PodFailureException(new PodFailure(
                    PodFailure.Kind.NO_FITTING_NODE,
                    "preflight: " + bypassed + ", as its kubelet admits pods: it cannot run it now ("
                            + String.join(", ", fit.shortfalls()) + "); drop spec.nodeName to let the scheduler"
                            + " choose a node"));
        }
        listener.progress("preflight: " + bypassed + ", as its kubelet admits pods: it can run it");
    }

    /**
     * What the non-terminated pods on each node request (listed with the scheduler's field selector,
     * {@code status.phase!=Succeeded,status.phase!=Failed}); credentials that may not list pods in all namespaces leave it empty, with a note.
     */
    private Map<String, Map<String, BigDecimal>> usedByNode() throws InterruptedException {
        List<Pod> pods;
        try {
            pods = client.pods()
                    .inAnyNamespace()
                    .withoutField("status.phase", "Succeeded")
                    .withoutField("status.phase", "Failed")
                    .list()
                    .getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN || e.getCode() == HttpURLConnection.HTTP_UNAUTHORIZED) {
                listener.progress("preflight: these credentials may not list pods in all namespaces (HTTP "
                        + e.getCode() + "); what other pods use is not counted");
                return Map.of();
            }
            ClientInterrupts.rethrowIfInterrupted(e, "listing the pods");
            throw e;
        }
        Map<String, Map<String, BigDecimal>> used = new HashMap<>();
        for (Pod running : pods) {
            String node = running.getSpec() == null ? null : running.getSpec().getNodeName();
            String phase =
                    running.getStatus() == null ? null : running.getStatus().getPhase();
            if (node == null || "Succeeded".equals(phase) || "Failed".equals(phase)) {
                continue;
            }
            Map<String, BigDecimal> onNode = used.computeIfAbsent(node, n -> new HashMap<>());
            PodNeeds.requested(running).forEach((resource, amount) -> onNode.merge(resource, amount, BigDecimal::add));
        }
        return used;
    }

    /** What was checked against what, e.g. {@code checked node selector gpu=true, … against … of 4 nodes}. */
    private static String checked(PodNeeds needs, int nodes) {
        return "checked its " + needs.describe() + " against the labels, taints, cordon and allocatable resources"
                + " (less what other pods request) of " + nodes + " node" + (nodes == 1 ? "" : "s");
    }

    private static String names(List<String> nodes) {
        return nodes.size() <= CLOSEST
                ? String.join(", ", nodes)
                : String.join(", ", nodes.subList(0, CLOSEST)) + ", …";
    }
}
