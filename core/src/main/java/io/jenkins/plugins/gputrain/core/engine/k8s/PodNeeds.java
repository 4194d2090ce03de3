package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.jenkins.plugins.gputrain.core.pod.PodResources;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a pod asks of a node, as the scheduler counts it: the node labels it selects, the taints it tolerates (with
 * the admission plugins' defaults), and the resources it requests (a container's limit counts where it has no
 * request; sidecars, init containers, pod-level resources, overhead and one {@code pods} as the scheduler sums them).
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
    /** The node resource counting the pods on it; each pod takes one. */
    static final String PODS = "pods";

    private static final String NOT_READY = "node.kubernetes.io/not-ready";
    private static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    private static final long DEFAULT_TOLERATION_SECONDS = 300;

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
        return new PodNeeds(
                new TreeMap<>(Optional.ofNullable(spec.getNodeSelector()).orElse(Map.of())),
                withDefaultTolerations(
                        Optional.ofNullable(spec.getTolerations()).orElse(List.of())),
                podRequests(spec),
                Optional.ofNullable(spec.getAffinity())
                        .map(Affinity::getNodeAffinity)
                        .map(NodeAffinity::getRequiredDuringSchedulingIgnoredDuringExecution)
                        .map(NodeSelector::getNodeSelectorTerms)
                        .orElse(List.of()));
    }

    /**
     * The requests as component-helpers' {@code PodRequests} (v0.35.4 {@code resource/helpers.go}) sums them after
     * the API server's defaults: the containers' in aggregate ({@link PodResources#containerRequests}: sidecars
     * added, the largest init container competing with the sum); pod-level {@code spec.resources} (cpu, memory,
     * hugepages-*) once defaulted replacing the sum ({@link PodResources#podRequests}); {@code spec.overhead} added;
     * and one of the node's {@code pods}.
     */
    private static SortedMap<String, BigDecimal> podRequests(PodSpec spec) {
        SortedMap<String, BigDecimal> requests = amounts(PodResources.containerRequests(spec));
        amounts(PodResources.podRequests(spec)).forEach((name, amount) -> {
            if (PodResources.isPodLevel(name)) {
                requests.put(name, amount);
            }
        });
        add(requests, amounts(spec.getOverhead()));
        requests.merge(PODS, BigDecimal.ONE, BigDecimal::add);
        return requests;
    }

    /**
     * The tolerations with those the {@code DefaultTolerationSeconds} admission plugin adds to every pod it admits
     * ({@code not-ready} and {@code unreachable}, {@code Exists}, {@code NoExecute}, 300 s) unless one of the pod's
     * own already tolerates the taint's {@code NoExecute}.
     */
    private static List<Toleration> withDefaultTolerations(List<Toleration> tolerations) {
        List<Toleration> all = new ArrayList<>(tolerations);
        for (String key : List.of(NOT_READY, UNREACHABLE)) {
            boolean present = tolerations.stream()
                    .anyMatch(t -> (isEmpty(t.getKey()) || key.equals(t.getKey()))
                            && (isEmpty(t.getEffect()) || "NoExecute".equals(t.getEffect())));
            if (!present) {
                all.add(new TolerationBuilder()
                        .withKey(key)
                        .withOperator("Exists")
                        .withEffect("NoExecute")
                        .withTolerationSeconds(DEFAULT_TOLERATION_SECONDS)
                        .build());
            }
        }
        return all;
    }

    /**
     * What the preflight checks, e.g. {@code node selector gpu=true, 3 tolerations, requests cpu 4, memory 15.63Gi,
     * nvidia.com/gpu 1, pods 1}.
     *
     * @return one phrase
     */
    public String describe() {
        String selector = nodeSelector.isEmpty()
                ? "node selector (none)"
                : "node selector "
                        + nodeSelector.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(","));
        String affinity = requiredAffinity.isEmpty()
                ? ""
                : ", required node affinity (" + requiredAffinity.size() + " term"
                        + (requiredAffinity.size() == 1 ? "" : "s") + ")";
        String wanted = requests.entrySet().stream()
                .filter(e -> e.getValue().signum() > 0)
                .map(e -> e.getKey() + " " + NodeFit.format(e.getKey(), e.getValue(), RoundingMode.UP))
                .collect(Collectors.joining(", "));
        return selector + affinity + ", " + tolerations.size() + " toleration" + (tolerations.size() == 1 ? "" : "s")
                + ", requests " + wanted;
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

    private static SortedMap<String, BigDecimal> amounts(Map<String, Quantity> quantities) {
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        if (quantities != null) {
            quantities.forEach((name, q) -> amounts.put(name, amount(q)));
        }
        return amounts;
    }

    private static void add(SortedMap<String, BigDecimal> sum, Map<String, BigDecimal> more) {
        more.forEach((name, amount) -> sum.merge(name, amount, BigDecimal::add));
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity.getNumericalAmount();
    }
}
