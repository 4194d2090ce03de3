package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private static final String SIDECAR = "Always";
    /** component-helpers' supportedPodLevelResources besides hugepages; both may be overcommitted. */
    private static final Set<String> POD_LEVEL = Set.of("cpu", "memory");

    private static final String HUGEPAGES = "hugepages-";
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
     * the API server's defaults: the containers; sidecars (init containers with {@code restartPolicy: Always}) added
     * to them and to every later init container; the largest init container competing with the sum; pod-level
     * {@code spec.resources} (cpu, memory, hugepages-*) replacing the sum ({@link #podLevelRequests}); {@code
     * spec.overhead} added; and one of the node's {@code pods}.
     */
    private static SortedMap<String, BigDecimal> podRequests(PodSpec spec) {
        SortedMap<String, BigDecimal> requests = new TreeMap<>();
        for (Container container : spec.getContainers()) {
            add(requests, requests(container.getResources()));
        }
        SortedMap<String, BigDecimal> sidecars = new TreeMap<>();
        SortedMap<String, BigDecimal> initPeak = new TreeMap<>();
        for (Container init : spec.getInitContainers()) {
            SortedMap<String, BigDecimal> own = requests(init.getResources());
            if (SIDECAR.equals(init.getRestartPolicy())) {
                add(requests, own);
                add(sidecars, own);
                own = sidecars;
            } else {
                add(own, sidecars);
            }
            own.forEach((name, amount) -> initPeak.merge(name, amount, BigDecimal::max));
        }
        initPeak.forEach((name, amount) -> requests.merge(name, amount, BigDecimal::max));
        requests.putAll(podLevelRequests(spec.getResources(), requests));
        add(requests, amounts(spec.getOverhead()));
        requests.merge(PODS, BigDecimal.ONE, BigDecimal::add);
        return requests;
    }

    /**
     * The pod-level requests once the API server has defaulted them ({@code pkg/apis/core/v1/defaults.go}
     * defaultPodRequests at v1.35.4, feature PodLevelResources, on by default since 1.34): only where pod-level
     * limits are set, a missing pod-level cpu or memory request becomes the containers' aggregated request when they
     * request it (these two may be overcommitted), else the pod-level limit; hugepages take the pod-level limit. An
     * explicit pod-level request stays. Resources the feature does not cover are left to the containers.
     *
     * @param resources the pod's {@code spec.resources}, or {@code null}
     * @param containers what the containers request in aggregate
     */
    private static SortedMap<String, BigDecimal> podLevelRequests(
            ResourceRequirements resources, SortedMap<String, BigDecimal> containers) {
        SortedMap<String, BigDecimal> pod = new TreeMap<>();
        if (resources == null) {
            return pod;
        }
        amounts(resources.getLimits())
                .forEach((name, limit) ->
                        pod.put(name, POD_LEVEL.contains(name) ? containers.getOrDefault(name, limit) : limit));
        pod.putAll(amounts(resources.getRequests()));
        pod.keySet().removeIf(name -> !POD_LEVEL.contains(name) && !name.startsWith(HUGEPAGES));
        return pod;
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

    /** A container's (or the pod's) requests; a limit counts where there is no request, as the API server defaults. */
    private static SortedMap<String, BigDecimal> requests(ResourceRequirements resources) {
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        if (resources != null) {
            amounts.putAll(amounts(resources.getLimits()));
            amounts.putAll(amounts(resources.getRequests()));
        }
        return amounts;
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
