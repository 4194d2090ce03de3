package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether one node can take a pod, and if not, what it lacks: readiness (from the node's taints), schedulability, the selected labels,
 * required node affinity ({@code matchExpressions} In/NotIn/Exists/DoesNotExist/Gt/Lt, {@code matchFields}
 * {@code metadata.name}; as the scheduler's {@code nodeaffinity} plugin), toleration of its {@code NoSchedule}/
 * {@code NoExecute} taints, and allocatable resources less what the node's non-terminated pods already request (as
 * the {@code noderesources} plugin counts). A pure function of the node, the pods on it and the pod's needs.
 *
 * @param node the node's name
 * @param shortfalls what the node lacks, e.g. {@code 0 of 1 nvidia.com/gpu allocatable}; empty when it fits
 * @param recovering whether it lacks what its conditions take away (not Ready, unreachable, cordoned, network
 *     unavailable, under pressure: the condition taints and the cordon), which a node recovering clears, and else at
 *     most what the pods on it hold: a rebooting node's pods keep their requests (phase Running, or Terminating when
 *     deleted) until its kubelet is back and ends them, as the scheduler counts them meanwhile
 */
public record NodeFit(String node, List<String> shortfalls, boolean recovering) {
    private static final String CORDONED = "cordoned";

    /**
     * Taints the node lifecycle controller sets for a node's conditions ({@code
     * pkg/controller/nodelifecycle/node_lifecycle_controller.go} nodeConditionToTaintKeyStatusMap at v1.35.4: Ready
     * False → {@code not-ready}, Ready Unknown → {@code unreachable}, both {@code NoSchedule} and {@code NoExecute};
     * NetworkUnavailable, MemoryPressure, DiskPressure, PIDPressure True → their {@code NoSchedule} taints) and the
     * cordon's, each told once as what it means. The verdict comes from the taints only, as the scheduler's (it never
     * reads the conditions); a pod tolerating them passes.
     */
    private static final Map<String, String> CONDITION_TAINTS = new LinkedHashMap<>();

    static {
        CONDITION_TAINTS.put("node.kubernetes.io/not-ready", "not Ready");
        CONDITION_TAINTS.put("node.kubernetes.io/unreachable", "unreachable (Ready Unknown)");
        CONDITION_TAINTS.put("node.kubernetes.io/unschedulable", CORDONED);
        CONDITION_TAINTS.put("node.kubernetes.io/network-unavailable", "network unavailable (NetworkUnavailable)");
        CONDITION_TAINTS.put("node.kubernetes.io/memory-pressure", "under MemoryPressure");
        CONDITION_TAINTS.put("node.kubernetes.io/disk-pressure", "under DiskPressure");
        CONDITION_TAINTS.put("node.kubernetes.io/pid-pressure", "under PIDPressure");
    }

    /** What the {@code NodeUnschedulable} plugin checks a cordoned node's pods to tolerate. */
    private static final Taint UNSCHEDULABLE_TAINT = new TaintBuilder()
            .withKey("node.kubernetes.io/unschedulable")
            .withEffect("NoSchedule")
            .build();

    private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024L * 1024);
    private static final BigDecimal GIBIBYTE = MEBIBYTE.multiply(BigDecimal.valueOf(1024));

    /** Copies the list. */
    public NodeFit {
        shortfalls = List.copyOf(shortfalls);
    }

    /**
     * Checks a node against a pod's needs.
     *
     * @param node the node as the API server returned it
     * @param needs what the pod needs
     * @return the outcome
     */
    public static NodeFit of(Node node, PodNeeds needs) {
        return of(node, needs, Map.of());
    }

    /**
     * Checks a node against a pod's needs, counting what the pods already on it request.
     *
     * @param node the node as the API server returned it
     * @param needs what the pod needs
     * @param used what the node's non-terminated pods request, per resource name
     * @return the outcome
     */
    public static NodeFit of(Node node, PodNeeds needs, Map<String, BigDecimal> used) {
        return check(node, needs, used, true);
    }

    /**
     * Checks a node as its kubelet admits a pod that names it ({@code spec.nodeName}, the scheduler bypassed):
     * {@code pkg/kubelet/lifecycle/predicate.go} generalFilter at v1.35.4 checks resources, labels and affinity, and
     * of the taints only {@code NoExecute} ones; a cordoned node or a {@code NoSchedule} taint does not stop it.
     *
     * @param node the node the pod names
     * @param needs what the pod needs
     * @param used what the node's non-terminated pods request, per resource name
     * @return the outcome
     */
    public static NodeFit admission(Node node, PodNeeds needs, Map<String, BigDecimal> used) {
        return check(node, needs, used, false);
    }

    private static NodeFit check(Node node, PodNeeds needs, Map<String, BigDecimal> used, boolean scheduler) {
        List<String> shortfalls = new ArrayList<>();
        List<Taint> taints = node.getSpec() == null ? List.of() : node.getSpec().getTaints();
        List<Taint> untolerated = taints.stream()
                .filter(taint -> (scheduler ? blocks(taint) : "NoExecute".equals(taint.getEffect()))
                        && !tolerated(taint, needs.tolerations()))
                .toList();
        CONDITION_TAINTS.forEach((key, shortfall) -> {
            if (untolerated.stream().anyMatch(taint -> key.equals(taint.getKey()))) {
                shortfalls.add(shortfall);
            }
        });
        if (scheduler
                && node.getSpec() != null
                && Boolean.TRUE.equals(node.getSpec().getUnschedulable())
                && !tolerated(UNSCHEDULABLE_TAINT, needs.tolerations())
                && !shortfalls.contains(CORDONED)) {
            shortfalls.add(CORDONED);
        }
        int conditions = shortfalls.size();
        Map<String, String> labels =
                Optional.ofNullable(node.getMetadata().getLabels()).orElse(Map.of());
        needs.nodeSelector().forEach((key, value) -> {
            if (!value.equals(labels.get(key))) {
                shortfalls.add("label " + key + "=" + value + " missing"
                        + (labels.containsKey(key) ? " (has " + key + "=" + labels.get(key) + ")" : ""));
            }
        });
        if (!NodeAffinityMatch.matches(needs.requiredAffinity(), node)) {
            shortfalls.add("required node affinity not matched");
        }
        for (Taint taint : untolerated) {
            if (!CONDITION_TAINTS.containsKey(taint.getKey())) {
                shortfalls.add("taint " + describe(taint) + " not tolerated");
            }
        }
        Map<String, Quantity> allocatable = node.getStatus() == null
                ? Map.of()
                : Optional.ofNullable(node.getStatus().getAllocatable()).orElse(Map.of());
        int held = 0;
        for (Map.Entry<String, BigDecimal> need : needs.requests().entrySet()) {
            String resource = need.getKey();
            BigDecimal wanted = need.getValue();
            BigDecimal total = Optional.ofNullable(allocatable.get(resource))
                    .map(Quantity::getNumericalAmount)
                    .orElse(BigDecimal.ZERO);
            BigDecimal taken = used.getOrDefault(resource, BigDecimal.ZERO);
            BigDecimal has = total.subtract(taken).max(BigDecimal.ZERO);
            if (wanted.signum() > 0 && has.compareTo(wanted) < 0) {
                if (total.compareTo(wanted) >= 0) {
                    held++;
                }
                shortfalls.add(format(resource, has, RoundingMode.DOWN) + " of "
                        + format(resource, wanted, RoundingMode.UP) + " " + resource
                        + (taken.signum() > 0
                                ? " free (" + format(resource, taken, RoundingMode.UP) + " requested by"
                                        + " other pods)"
                                : " allocatable"));
            }
        }
        return new NodeFit(
                node.getMetadata().getName(), shortfalls, conditions > 0 && shortfalls.size() == conditions + held);
    }

    /** Whether the node is of the kind the pod selects (labels and required affinity), whatever it lacks else. */
    public static boolean selects(Node node, PodNeeds needs) {
        Map<String, String> labels =
                Optional.ofNullable(node.getMetadata().getLabels()).orElse(Map.of());
        return needs.nodeSelector().entrySet().stream()
                        .allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && NodeAffinityMatch.matches(needs.requiredAffinity(), node);
    }

    /** Whether the pod can run on the node. */
    public boolean fits() {
        return shortfalls.isEmpty();
    }

    /** One phrase, e.g. {@code gpu-1 (0 of 1 nvidia.com/gpu allocatable)}. */
    public String describe() {
        return fits() ? node : node + " (" + String.join(", ", shortfalls) + ")";
    }

    private static boolean blocks(Taint taint) {
        return "NoSchedule".equals(taint.getEffect()) || "NoExecute".equals(taint.getEffect());
    }

    /** Kubernetes' rule: effect and key match (an empty key with {@code Exists} matches all), then value or Exists. */
    static boolean tolerated(Taint taint, List<Toleration> tolerations) {
        return tolerations.stream().anyMatch(t -> tolerates(t, taint));
    }

    private static boolean tolerates(Toleration toleration, Taint taint) {
        if (!isEmpty(toleration.getEffect()) && !toleration.getEffect().equals(taint.getEffect())) {
            return false;
        }
        boolean exists = "Exists".equals(toleration.getOperator());
        if (isEmpty(toleration.getKey())) {
            return exists;
        }
        if (!toleration.getKey().equals(taint.getKey())) {
            return false;
        }
        return exists || Objects.equals(emptyIfNull(toleration.getValue()), emptyIfNull(taint.getValue()));
    }

    private static String describe(Taint taint) {
        return taint.getKey() + (isEmpty(taint.getValue()) ? "" : "=" + taint.getValue()) + ":" + taint.getEffect();
    }

    /** Memory in Mi or Gi; the node's amount is rounded down and the pod's up, so that they never look equal. */
    static String format(String resource, BigDecimal amount, RoundingMode rounding) {
        if ("memory".equals(resource) || resource.endsWith("-storage")) {
            return amount.compareTo(GIBIBYTE) >= 0
                    ? plain(amount.divide(GIBIBYTE, 2, rounding)) + "Gi"
                    : plain(amount.divide(MEBIBYTE, 0, rounding)) + "Mi";
        }
        return plain(amount);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static String emptyIfNull(String value) {
        return value == null ? "" : value;
    }
}
