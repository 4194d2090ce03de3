package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.net.HttpURLConnection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks before a pod is created that some node can take it ({@link NodeFit}), so that a pod that could never be
 * scheduled fails at once, naming the closest nodes and what each lacks, instead of waiting Pending. When the
 * credentials may not list nodes (RBAC), the check is skipped with a note. Clusters whose autoscaler adds nodes on
 * demand (node pools scaled to zero) must turn it off: the node the pod needs does not exist yet.
 */
public final class NodePreflight {
    /** How many of the closest nodes a failure names. */
    static final int CLOSEST = 3;

    private final KubernetesClient client;
    private final ProgressListener listener;

    /**
     * Creates the check.
     *
     * @param client the cluster connection
     * @param listener receives the outcome
     */
    public NodePreflight(KubernetesClient client, ProgressListener listener) {
        this.client = client;
        this.listener = listener;
    }

    /**
     * Checks the nodes for a pod.
     *
     * @param pod the pod as it will be created
     * @throws PodFailureException when no node can take it
     * @throws InterruptedException when interrupted while listing the nodes
     */
    public void check(Pod pod) throws PodFailureException, InterruptedException {
        List<Node> nodes;
        try {
            nodes = client.nodes().list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN || e.getCode() == HttpURLConnection.HTTP_UNAUTHORIZED) {
                listener.progress("preflight skipped: these credentials may not list nodes (HTTP " + e.getCode()
                        + "); the pod's scheduling will tell");
                return;
            }
            ClientInterrupts.rethrowIfInterrupted(e, "listing the nodes");
            throw e;
        }
        String name = pod.getMetadata().getName();
        PodNeeds needs = PodNeeds.of(pod);
        List<NodeFit> fits = nodes.stream().map(node -> NodeFit.of(node, needs)).toList();
        List<String> fitting =
                fits.stream().filter(NodeFit::fits).map(NodeFit::node).sorted().toList();
        if (!fitting.isEmpty()) {
            listener.progress("preflight: " + fitting.size() + " of " + nodes.size() + " nodes can run pod " + name
                    + " (" + names(fitting) + ")");
            return;
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
                        + (nodes.isEmpty()
                                ? " (the cluster lists no nodes)"
                                : " (checked " + nodes.size() + " nodes; closest: " + closest + ")")
                        + "; if an autoscaler adds nodes on demand, turn the preflight off"));
    }

    private static String names(List<String> nodes) {
        return nodes.size() <= CLOSEST
                ? String.join(", ", nodes)
                : String.join(", ", nodes.subList(0, CLOSEST)) + ", …";
    }
}
