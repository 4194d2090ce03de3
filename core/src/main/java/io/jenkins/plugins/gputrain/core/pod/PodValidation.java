package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.LabelSyntax;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's validation ({@code pkg/apis/core/validation/validation.go}, Kubernetes v1.35) of the pod fields
 * gpu-train writes or a {@code --pod-yaml} merge may change: names, labels, annotations, node selector,
 * {@code activeDeadlineSeconds}, containers' resources (names, request ≤ limit, extended resources requested as
 * limited), volume mounts, volumes and tolerations. A pod without a name is left for whoever names it (the
 * kubernetes-plugin does for Pipeline pods). The first problem is one line naming the field as the API server
 * names it ({@code spec.containers[0].resources.requests}), with the API server's wording.
 */
public final class PodValidation {
    /** The largest {@code activeDeadlineSeconds} (Go's {@code math.MaxInt32}). */
    public static final long MAX_DEADLINE_SECONDS = Integer.MAX_VALUE;

    private static final Set<String> STANDARD_CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final Set<String> OPERATORS = Set.of("Exists", "Equal");
    private static final String KUBERNETES_DOMAIN = "kubernetes.io/";
    private static final String EXPECTED = "what the Kubernetes API server accepts";

    private PodValidation() {}

    /**
     * Checks a pod.
     *
     * @param pod the pod
     * @throws InvalidSpecException naming the first invalid field
     */
    public static void check(Pod pod) {
        var meta = pod.getMetadata();
        if (meta == null) {
            throw invalid("metadata", "", "Required value");
        }
        if (meta.getName() != null && !LabelSyntax.isDnsSubdomain(meta.getName())) {
            throw invalid("metadata.name", meta.getName(), "a lowercase RFC 1123 subdomain of at most 253 characters");
        }
        if (meta.getNamespace() != null && !LabelSyntax.isDnsLabel(meta.getNamespace())) {
            throw invalid("metadata.namespace", meta.getNamespace(), "a lowercase RFC 1123 label");
        }
        labels("metadata.labels", meta.getLabels());
        if (meta.getAnnotations() != null) {
            meta.getAnnotations().keySet().forEach(key -> LabelSyntax.keyProblem(key.toLowerCase(java.util.Locale.ROOT))
                    .ifPresent(problem -> {
                        throw invalid("metadata.annotations", key, problem);
                    }));
        }
        var spec = pod.getSpec();
        if (spec == null) {
            throw invalid("spec", "", "Required value");
        }
        labels("spec.nodeSelector", spec.getNodeSelector());
        Long deadline = spec.getActiveDeadlineSeconds();
        if (deadline != null && (deadline < 1 || deadline > MAX_DEADLINE_SECONDS)) {
            throw invalid(
                    "spec.activeDeadlineSeconds",
                    String.valueOf(deadline),
                    "must be between 1 and " + MAX_DEADLINE_SECONDS + ", inclusive");
        }
        Set<String> volumes = volumes(spec.getVolumes());
        if (spec.getContainers().isEmpty()) {
            throw invalid("spec.containers", "", "Required value");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.getContainers().size(); i++) {
            container("spec.containers[" + i + "]", spec.getContainers().get(i), volumes, names);
        }
        for (int i = 0; i < spec.getInitContainers().size(); i++) {
            container("spec.initContainers[" + i + "]", spec.getInitContainers().get(i), volumes, names);
        }
        for (int i = 0; i < spec.getTolerations().size(); i++) {
            toleration("spec.tolerations[" + i + "]", spec.getTolerations().get(i));
        }
    }

    private static void labels(String field, Map<String, String> labels) {
        if (labels == null) {
            return;
        }
        labels.forEach((key, value) -> {
            LabelSyntax.keyProblem(key).ifPresent(problem -> {
                throw invalid(field, key, problem);
            });
            LabelSyntax.valueProblem(value == null ? "" : value).ifPresent(problem -> {
                throw invalid(field, value, problem);
            });
        });
    }

    private static Set<String> volumes(List<Volume> volumes) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < volumes.size(); i++) {
            String name = volumes.get(i).getName();
            String field = "spec.volumes[" + i + "].name";
            if (name == null || !LabelSyntax.isDnsLabel(name)) {
                throw invalid(field, name, "a lowercase RFC 1123 label");
            }
            if (!names.add(name)) {
                throw invalid(field, name, "Duplicate value");
            }
        }
        return names;
    }

    private static void container(String field, Container container, Set<String> volumes, Set<String> names) {
        String name = container.getName();
        if (name == null || !LabelSyntax.isDnsLabel(name)) {
            throw invalid(field + ".name", name, "a lowercase RFC 1123 label");
        }
        if (!names.add(name)) {
            throw invalid(field + ".name", name, "Duplicate value");
        }
        if (container.getImage() == null || container.getImage().isBlank()) {
            throw invalid(field + ".image", "", "Required value");
        }
        if (container.getResources() != null) {
            resources(
                    field + ".resources",
                    container.getResources().getLimits(),
                    container.getResources().getRequests());
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < container.getVolumeMounts().size(); i++) {
            VolumeMount mount = container.getVolumeMounts().get(i);
            String mountField = field + ".volumeMounts[" + i + "]";
            if (!volumes.contains(mount.getName())) {
                throw invalid(mountField + ".name", mount.getName(), "Not found");
            }
            if (mount.getMountPath() == null || mount.getMountPath().isEmpty()) {
                throw invalid(mountField + ".mountPath", "", "Required value");
            }
            if (!paths.add(mount.getMountPath())) {
                throw invalid(mountField + ".mountPath", mount.getMountPath(), "must be unique");
            }
        }
    }

    private static void resources(String field, Map<String, Quantity> limits, Map<String, Quantity> requests) {
        Map<String, Quantity> limited = limits == null ? Map.of() : limits;
        Map<String, Quantity> requested = requests == null ? Map.of() : requests;
        limited.forEach((name, quantity) -> resource(field + ".limits[" + name + "]", name, quantity));
        requested.forEach((name, quantity) -> resource(field + ".requests[" + name + "]", name, quantity));
        requested.forEach((name, request) -> {
            Quantity limit = limited.get(name);
            boolean extended = name.contains("/") && !isNative(name);
            if (limit != null && extended && amount(request).compareTo(amount(limit)) != 0) {
                throw invalid(
                        field + ".requests[" + name + "]",
                        request.toString(),
                        "must be equal to " + name + " limit of " + limit);
            }
            if (limit == null && extended) {
                throw invalid(field + ".limits", "", "Limit must be set for non overcommitable resources");
            }
            if (limit != null && amount(request).compareTo(amount(limit)) > 0) {
                throw invalid(
                        field + ".requests",
                        request.toString(),
                        "must be less than or equal to " + name + " limit of " + limit);
            }
        });
    }

    private static void resource(String field, String name, Quantity quantity) {
        if (!name.contains("/")) {
            if (!STANDARD_CONTAINER_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
                throw invalid(field, name, "must be a standard resource for containers");
            }
        } else if (!isNative(name)
                && (name.startsWith("requests.")
                        || LabelSyntax.keyProblem("requests." + name).isPresent())) {
            throw invalid(field, name, "doesn't follow extended resource name standard");
        }
        if (amount(quantity).signum() < 0) {
            throw invalid(field, quantity.toString(), "must be greater than or equal to 0");
        }
    }

    /** Native resources live in the {@code kubernetes.io} domain (or have none). */
    private static boolean isNative(String name) {
        return !name.contains("/") || name.contains(KUBERNETES_DOMAIN);
    }

    private static BigDecimal amount(Quantity quantity) {
        try {
            return quantity.getNumericalAmount();
        } catch (IllegalArgumentException e) {
            throw invalid(
                    "resources",
                    String.valueOf(quantity),
                    "quantities must match the regular expression of" + " a Kubernetes quantity");
        }
    }

    private static void toleration(String field, Toleration toleration) {
        String key = toleration.getKey() == null ? "" : toleration.getKey();
        String operator =
                toleration.getOperator() == null || toleration.getOperator().isEmpty()
                        ? "Equal"
                        : toleration.getOperator();
        if (!key.isEmpty()) {
            LabelSyntax.keyProblem(key).ifPresent(problem -> {
                throw invalid(field + ".key", key, problem);
            });
        } else if (!"Exists".equals(operator)) {
            throw invalid(
                    field + ".operator",
                    operator,
                    "operator must be Exists when `key` is empty, which means" + " \"match all values and all keys\"");
        }
        if (toleration.getTolerationSeconds() != null && !"NoExecute".equals(toleration.getEffect())) {
            throw invalid(
                    field + ".effect",
                    String.valueOf(toleration.getEffect()),
                    "effect must be 'NoExecute' when" + " `tolerationSeconds` is set");
        }
        if (!OPERATORS.contains(operator)) {
            throw invalid(field + ".operator", operator, "Unsupported value: supported values: \"Equal\", \"Exists\"");
        }
        String value = toleration.getValue() == null ? "" : toleration.getValue();
        if ("Exists".equals(operator) && !value.isEmpty()) {
            throw invalid(field + ".operator", value, "value must be empty when `operator` is 'Exists'");
        }
        if ("Equal".equals(operator)) {
            LabelSyntax.valueProblem(value).ifPresent(problem -> {
                throw invalid(field + ".value", value, problem);
            });
        }
        String effect = toleration.getEffect();
        if (effect != null && !effect.isEmpty() && !EFFECTS.contains(effect)) {
            throw invalid(
                    field + ".effect",
                    effect,
                    "Unsupported value: supported values: \"NoSchedule\"," + " \"PreferNoSchedule\", \"NoExecute\"");
        }
    }

    private static InvalidSpecException invalid(String field, String value, String reason) {
        return new InvalidSpecException(field, value == null ? "" : value, reason, EXPECTED);
    }
}
