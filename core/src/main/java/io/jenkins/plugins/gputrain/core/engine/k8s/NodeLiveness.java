package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Whether a pod's node still reports to the control plane, for an exec that broke while the pod still looks Running:
 * the node controller marks a silent node's Ready condition Unknown only after its grace period
 * ({@code --node-monitor-grace-period}, {@link #GRACE}), so the node's {@code kube-node-lease} Lease is read too — a
 * renewal older than the grace means the kubelet is gone. Credentials that may not read nodes or leases leave the
 * verdict open.
 */
final class NodeLiveness {
    /** kube-controller-manager's default {@code --node-monitor-grace-period}. */
    static final Duration GRACE = Duration.ofSeconds(50);

    private static final String LEASE_NAMESPACE = "kube-node-lease";

    private final KubernetesClient client;
    private final Clock clock;

    NodeLiveness(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * The pod's node loss, if its node is not Ready or its lease has not been renewed within the grace.
     *
     * @param pod the pod as last read
     * @return a retryable {@link PodFailure.Kind#NODE_LOST}, or empty when the node looks alive or cannot be read
     * @throws InterruptedException when interrupted while reading
     */
    Optional<PodFailure> lost(Pod pod) throws InterruptedException {
        String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        if (nodeName == null) {
            return Optional.empty();
        }
        try {
            Node node = client.nodes().withName(nodeName).get();
            if (node == null) {
                return Optional.of(lost(nodeName, "it was removed from the cluster"));
            }
            Optional<NodeCondition> ready = node.getStatus() == null
                    ? Optional.empty()
                    : node.getStatus().getConditions().stream()
                            .filter(c -> "Ready".equals(c.getType()))
                            .findFirst();
            if (ready.isPresent() && !"True".equals(ready.get().getStatus())) {
                return Optional.of(lost(
                        nodeName,
                        "Ready " + ready.get().getStatus()
                                + (ready.get().getMessage() == null
                                        ? ""
                                        : ": " + ready.get().getMessage())));
            }
            Lease lease = client.leases()
                    .inNamespace(LEASE_NAMESPACE)
                    .withName(nodeName)
                    .get();
            ZonedDateTime renewed = lease == null || lease.getSpec() == null
                    ? null
                    : lease.getSpec().getRenewTime();
            if (renewed != null) {
                Duration since = Duration.between(renewed.toInstant(), clock.instant());
                if (since.compareTo(GRACE) > 0) {
                    return Optional.of(lost(
                            nodeName,
                            "its kubelet last renewed its lease " + since.toSeconds() + " s ago (grace "
                                    + GRACE.toSeconds() + " s)"));
                }
            }
            return Optional.empty();
        } catch (KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "reading the pod's node");
            return Optional.empty();
        }
    }

    private static PodFailure lost(String node, String why) {
        return new PodFailure(
                PodFailure.Kind.NODE_LOST,
                "The pod's node " + node + " was lost while the command ran (" + why + "); a new pod may succeed");
    }
}
