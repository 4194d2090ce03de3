package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a pod asks of a node, as the scheduler counts it: the node labels it selects, the taints it tolerates, and the
 * resources it requests (a container's limit counts where it has no request; init containers run one at a time, so
 * the largest of them competes with the sum of the containers).
 *
 * @param nodeSelector node labels the pod selects
 * @param tolerations taints the pod tolerates
 * @param requests requested amount per resource name, e.g. {@code cpu} → 4, {@code memory} → bytes
 * @param requiredAffinity the terms of {@code requiredDuringSchedulingIgnoredDuringExecution} node affinity (one
 *     must match), empty when the pod has none
 */
public record PodNeeds(
        SortedMap<String, String> nodeSelector,
        List<Toleration> tolerations,
        SortedMap<String, BigDecimal> requests,
        List<NodeSelectorTerm> requiredAffinity) {

    /** Copies the collections. */
    public PodNeeds {
        nodeSelector = Collections.unmodifiableSortedMap(new TreeMap<>(nodeSelector));
        tolerations = List.copyOf(tolerations);
        requests = Collections.unmodifiableSortedMap(new TreeMap<>(requests));
        requiredAffinity = List.copyOf(requiredAffinity);
    }

    /**
     * Reads what a pod needs.
     *
     * @param pod the pod as it will be created
     * @return its needs
     */
    public static PodNeeds of(Pod pod) {
        PodSpec spec = pod.getSpec();
        SortedMap<String, BigDecimal> requests = new TreeMap<>();
        for (Container container : spec.getContainers()) {
            requests(container).forEach((name, amount) -> requests.merge(name, amount, BigDecimal::add));
        }
        for (Container init : spec.getInitContainers()) {
            requests(init).forEach((name, amount) -> requests.merge(name, amount, BigDecimal::max));
        }
        return new PodNeeds(
                new TreeMap<>(Optional.ofNullable(spec.getNodeSelector()).orElse(Map.of())),
                Optional.ofNullable(spec.getTolerations()).orElse(List.of()),
                requests,
                Optional.ofNullable(spec.getAffinity())
                        .map(Affinity::getNodeAffinity)
                        .map(NodeAffinity::getRequiredDuringSchedulingIgnoredDuringExecution)
                        .map(NodeSelector::getNodeSelectorTerms)
                        .orElse(List.of()));
    }

    /**
     * What a pod already on a node takes from it: its requests as the scheduler counts them.
     *
     * @param pod a pod bound to the node
     * @return requested amount per resource name
     */
    public static SortedMap<String, BigDecimal> requested(Pod pod) {
        return of(pod).requests();
    }

    private static SortedMap<String, BigDecimal> requests(Container container) {
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        if (container.getResources() == null) {
            return amounts;
        }
        Optional.ofNullable(container.getResources().getLimits())
                .ifPresent(limits -> limits.forEach((name, q) -> amounts.put(name, amount(q))));
        Optional.ofNullable(container.getResources().getRequests())
                .ifPresent(requests -> requests.forEach((name, q) -> amounts.put(name, amount(q))));
        return amounts;
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity.getNumericalAmount();
    }
}
