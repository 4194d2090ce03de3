package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.LabelSyntax;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The API server's validation ({@code pkg/apis/core/validation/validation.go}, Kubernetes v1.35.4) of the pod fields
 * gpu-train writes or a {@code --pod-yaml} merge may change: name, generateName, labels, annotations (keys and total
 * size), node selector, node affinity ({@link NodeAffinityRules}), priorityClassName, {@code activeDeadlineSeconds},
 * containers' env names, resources ({@link ContainerResourceRules}), pod-level resources ({@link
 * PodLevelResourceRules}), volume mounts (paths, subPaths), volumes and tolerations. A pod without a name is left for whoever names it (the
 * kubernetes-plugin does for Pipeline pods). The first problem is one line naming the field as the API server
 * names it ({@code spec.containers[0].resources.requests}), with the API server's wording.
 */
public final class PodValidation {
    /** The largest {@code activeDeadlineSeconds} (Go's {@code math.MaxInt32}). */
    public static final long MAX_DEADLINE_SECONDS = Integer.MAX_VALUE;

    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    /** {@code TotalAnnotationSizeLimitB} of apimachinery's {@code pkg/api/validation/objectmeta.go}: 256 KiB. */
    static final long MAX_ANNOTATIONS_BYTES = 256 * 1024;

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
        if (meta.getGenerateName() != null
                && !meta.getGenerateName().isEmpty()
                && !LabelSyntax.isDnsSubdomain(maskTrailingDash(meta.getGenerateName()))) {
            throw invalid(
                    "metadata.generateName",
                    meta.getGenerateName(),
                    "a lowercase RFC 1123 subdomain of at most 253 characters (a trailing '-' allowed)");
        }
        if (meta.getNamespace() != null && !LabelSyntax.isDnsLabel(meta.getNamespace())) {
            throw invalid("metadata.namespace", meta.getNamespace(), "a lowercase RFC 1123 label");
        }
        labels("metadata.labels", meta.getLabels());
        annotations(meta.getAnnotations());
        var spec = pod.getSpec();
        if (spec == null) {
            throw invalid("spec", "", "Required value");
        }
        labels("spec.nodeSelector", spec.getNodeSelector());
        if (spec.getPriorityClassName() != null
                && !spec.getPriorityClassName().isEmpty()
                && !LabelSyntax.isDnsSubdomain(spec.getPriorityClassName())) {
            throw invalid(
                    "spec.priorityClassName",
                    spec.getPriorityClassName(),
                    "a lowercase RFC 1123 subdomain of at most 253 characters");
        }
        if (spec.getAffinity() != null) {
            NodeAffinityRules.check(
                    "spec.affinity.nodeAffinity", spec.getAffinity().getNodeAffinity());
        }
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
        PodLevelResourceRules.check(spec);
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

    /**
     * {@code ValidateAnnotations} (apimachinery {@code pkg/api/validation/objectmeta.go}): keys are qualified names in
     * any case; keys and values together at most 256 KiB, counted in UTF-8 bytes as Go's {@code len}.
     */
    private static void annotations(Map<String, String> annotations) {
        if (annotations == null) {
            return;
        }
        long bytes = 0;
        for (var annotation : annotations.entrySet()) {
            String key = annotation.getKey();
            LabelSyntax.keyProblem(key.toLowerCase(Locale.ROOT)).ifPresent(problem -> {
                throw invalid("metadata.annotations", key, problem);
            });
            bytes += utf8Length(key) + utf8Length(annotation.getValue());
        }
        if (bytes > MAX_ANNOTATIONS_BYTES) {
            throw invalid(
                    "metadata.annotations",
                    "",
                    "Too long: may not be more than " + MAX_ANNOTATIONS_BYTES + " bytes (they have " + bytes + ")");
        }
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * apimachinery's {@code maskTrailingDash} ({@code pkg/api/validation/generic.go}), which {@code generateName} is
     * checked through: a trailing '-' and the character before it become one 'a'.
     */
    private static String maskTrailingDash(String name) {
        return name.length() > 1 && name.endsWith("-") ? name.substring(0, name.length() - 2) + "a" : name;
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
            ContainerResourceRules.check(
                    field + ".resources",
                    container.getResources().getLimits(),
                    container.getResources().getRequests());
        }
        for (int i = 0; i < container.getEnv().size(); i++) {
            envName(field + ".env[" + i + "].name", container.getEnv().get(i).getName());
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
            // ValidateVolumeMounts names the list, not the entry: "spec.containers[0].volumeMounts.subPath".
            descendingPath(field + ".volumeMounts.subPath", mount.getSubPath());
            descendingPath(field + ".volumeMounts.subPathExpr", mount.getSubPathExpr());
        }
    }

    /**
     * {@code ValidateEnv} with {@code IsRelaxedEnvVarName} (apimachinery {@code pkg/util/validation/validation.go}):
     * the RelaxedEnvironmentVariableValidation gate is GA and locked on since v1.34, so a name is any printable ASCII
     * except '='.
     */
    private static void envName(String field, String name) {
        if (name == null || name.isEmpty()) {
            throw invalid(field, "", "Required value");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c > 0x7e || c == '=')) {
            throw invalid(
                    field,
                    name,
                    "a valid environment variable name must consist only of printable ASCII"
                            + " characters other than '='");
        }
    }

    /** {@code validateLocalDescendingPath}: relative, with no '..' element. */
    private static void descendingPath(String field, String path) {
        if (path == null || path.isEmpty()) {
            return;
        }
        if (path.startsWith("/")) {
            throw invalid(field, path, "must be a relative path");
        }
        if (List.of(path.split("/", -1)).contains("..")) {
            throw invalid(field, path, "must not contain '..'");
        }
    }

    /**
     * {@code ValidateTolerations}: the operator's problems, and an {@code Equal} toleration's bad value, are named
     * {@code spec.tolerations[i].operator}, as the API server names them; an empty operator means {@code Equal}, but
     * an empty key needs {@code Exists} spelled out. {@code Lt}/{@code Gt} are refused while their feature gate
     * (TaintTolerationComparisonOperators, alpha in v1.35, off by default) is off.
     */
    private static void toleration(String field, Toleration toleration) {
        String key = toleration.getKey() == null ? "" : toleration.getKey();
        String operator = toleration.getOperator() == null ? "" : toleration.getOperator();
        String value = toleration.getValue() == null ? "" : toleration.getValue();
        if (!key.isEmpty()) {
            LabelSyntax.keyProblem(key).ifPresent(problem -> {
                throw invalid(field + ".key", key, problem);
            });
        } else if (!"Exists".equals(operator)) {
            throw invalid(
                    field + ".operator",
                    operator,
                    "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
        }
        if (toleration.getTolerationSeconds() != null && !"NoExecute".equals(toleration.getEffect())) {
            throw invalid(
                    field + ".effect",
                    String.valueOf(toleration.getEffect()),
                    "effect must be 'NoExecute' when `tolerationSeconds` is set");
        }
        switch (operator) {
            case "Equal", "" ->
                LabelSyntax.valueProblem(value).ifPresent(problem -> {
                    throw invalid(field + ".operator", value, problem);
                });
            case "Exists" -> {
                if (!value.isEmpty()) {
                    throw invalid(field + ".operator", value, "value must be empty when `operator` is 'Exists'");
                }
            }
            case "Lt", "Gt" ->
                throw invalid(
                        field + ".operator",
                        operator,
                        "Unsupported value: supported values: \"Equal\", \"Exists\", \"Lt\", \"Gt\"");
            default ->
                throw invalid(
                        field + ".operator", operator, "Unsupported value: supported values: \"Equal\", \"Exists\"");
        }
        String effect = toleration.getEffect();
        if (effect != null && !effect.isEmpty() && !EFFECTS.contains(effect)) {
            throw invalid(
                    field + ".effect",
                    effect,
                    "Unsupported value: supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
        }
    }

    /** The API server's verdict on one field, as gpu-train reports it. */
    static InvalidSpecException invalid(String field, String value, String reason) {
        return new InvalidSpecException(field, value == null ? "" : value, reason, EXPECTED);
    }
}
