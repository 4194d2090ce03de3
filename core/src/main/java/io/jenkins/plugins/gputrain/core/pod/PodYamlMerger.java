package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteCredentialKind;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.yaml.BoundedYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Merges user-supplied pod YAML over a generated pod, as a strategic merge patch of the Kubernetes types would
 * ({@code k8s.io/api/core/v1/types.go} patchStrategy and patchMergeKey tags, v1.35.4): maps merge key by key with the
 * YAML winning; {@code volumeMounts} merge item by item by {@code mountPath}, other lists of named items
 * ({@code containers}, {@code volumes}, {@code env}, …) by {@code name}; a volume keeps only the keys the YAML's item
 * names ({@code retainKeys}: a volume given a {@code persistentVolumeClaim} loses gpu-train's {@code emptyDir}); an
 * environment variable given {@code value} loses its {@code valueFrom} and the other way round, which the API server
 * requires; {@code tolerations} are added; any other list is replaced. The result must still be a pod, and must not
 * carry credentials as literal environment values: not for a variable gpu-train sets from a Secret, nor for one whose
 * name says it holds a secret or that a DVC remote credential kind sets ({@link DvcRemoteCredentialKind}).
 */
final class PodYamlMerger {
    /** The field name in messages. */
    static final String FIELD = "yaml";

    private static final String EXPECTED = "pod YAML, e.g. 'spec: {priorityClassName: ml-batch}'";
    private static final Set<String> APPENDED_LISTS = Set.of("tolerations");
    /** Lists whose items are keyed by another field than {@code name} ({@code patchMergeKey}). */
    private static final Map<String, String> MERGE_KEYS = Map.of("volumeMounts", "mountPath");
    /** Lists whose items keep only the keys the patch's item names ({@code patchStrategy: merge,retainKeys}). */
    private static final Set<String> RETAIN_KEYS_LISTS = Set.of("volumes");

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|CREDENTIAL|PRIVATE_?KEY).*");

    /** The variables gpu-train itself binds DVC remote credentials to, e.g. AZURE_STORAGE_CONNECTION_STRING. */
    private static final Set<String> CREDENTIAL_VARIABLES = DvcRemoteCredentialKind.variables();

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    Pod merge(Pod generated, String yaml) {
        Object extra = BoundedYaml.read(FIELD, yaml);
        if (!(extra instanceof Map<?, ?> extraMap)) {
            throw invalid(yaml, "must be a YAML mapping (a pod or part of one)");
        }
        Object kind = extraMap.get("kind");
        if (kind != null && !"Pod".equals(kind)) {
            throw invalid(yaml, "kind is '" + kind + "', not Pod");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> base = serialization.convertValue(generated, Map.class);
        Object merged;
        try {
            merged = mergeValue(base, extraMap);
        } catch (Refused e) {
            throw invalid(yaml, e.getMessage());
        }
        Pod pod;
        try {
            pod = serialization.convertValue(merged, Pod.class);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw invalid(
                    yaml, "not a valid pod: " + message.lines().findFirst().orElse(message));
        }
        rejectLiteralCredentials(yaml, pod);
        return pod;
    }

    private static Object mergeValue(Object base, Object extra) {
        if (base instanceof Map<?, ?> baseMap && extra instanceof Map<?, ?> extraMap) {
            Map<Object, Object> merged = new LinkedHashMap<>(baseMap);
            extraMap.forEach((key, value) -> merged.put(
                    key, merged.containsKey(key) ? mergeEntry(String.valueOf(key), merged.get(key), value) : value));
            return merged;
        }
        return extra;
    }

    private static Object mergeEntry(String key, Object base, Object extra) {
        if (base instanceof List<?> baseList && extra instanceof List<?> extraList) {
            if (APPENDED_LISTS.contains(key)) {
                List<Object> appended = new ArrayList<>(baseList);
                extraList.stream().filter(item -> !appended.contains(item)).forEach(appended::add);
                return appended;
            }
            String mergeKey = MERGE_KEYS.getOrDefault(key, "name");
            if (isKeyedList(baseList, mergeKey) && isKeyedList(extraList, mergeKey)) {
                return mergeByKey(key, mergeKey, baseList, extraList);
            }
            return extra;
        }
        return mergeValue(base, extra);
    }

    private static boolean isKeyedList(List<?> list, String mergeKey) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get(mergeKey) != null);
    }

    /**
     * Each of the YAML's items merges with gpu-train's item of its key, or is added; two of the YAML's own items of
     * one key both stay, for the validation to refuse rather than one silently lost.
     */
    private static List<Object> mergeByKey(String list, String mergeKey, List<?> base, List<?> extra) {
        List<Object> merged = new ArrayList<>(base);
        for (Object item : extra) {
            Object key = ((Map<?, ?>) item).get(mergeKey);
            int index = indexOf(merged.subList(0, base.size()), mergeKey, key);
            if (index < 0) {
                merged.add(item);
            } else {
                merged.set(index, mergeValue(ours(list, (Map<?, ?>) merged.get(index), (Map<?, ?>) item), item));
            }
        }
        return merged;
    }

    /** What of our item the YAML's item of the same key merges with. */
    private static Map<?, ?> ours(String list, Map<?, ?> item, Map<?, ?> theirs) {
        if (RETAIN_KEYS_LISTS.contains(list)) {
            Map<Object, Object> retained = new LinkedHashMap<>(item);
            retained.keySet().retainAll(theirs.keySet());
            return retained;
        }
        if ("env".equals(list)) {
            return exclusiveValue(item, theirs);
        }
        return item;
    }

    /**
     * {@code value} and {@code valueFrom} exclude each other (validation.go validateEnvVarValueFrom: "may not be
     * specified when `value` is not empty"): the YAML's replaces ours, except a literal value for a variable gpu-train
     * sets from a Secret, which is refused.
     */
    private static Map<?, ?> exclusiveValue(Map<?, ?> item, Map<?, ?> theirs) {
        Map<Object, Object> kept = new LinkedHashMap<>(item);
        if (theirs.get("value") instanceof String value && !value.isEmpty()) {
            if (item.get("valueFrom") instanceof Map<?, ?> from && from.get("secretKeyRef") != null) {
                throw new Refused("environment variable " + item.get("name") + " is set by gpu-train from a Secret"
                        + " (valueFrom.secretKeyRef); a literal value for it is refused, secrets come only from"
                        + " Kubernetes Secrets or Jenkins credentials");
            }
            kept.remove("valueFrom");
        }
        if (theirs.get("valueFrom") != null) {
            kept.remove("value");
        }
        return kept;
    }

    private static int indexOf(List<Object> items, String mergeKey, Object key) {
        for (int i = 0; i < items.size(); i++) {
            if (Objects.equals(((Map<?, ?>) items.get(i)).get(mergeKey), key)) {
                return i;
            }
        }
        return -1;
    }

    private static void rejectLiteralCredentials(String yaml, Pod pod) {
        Stream.concat(pod.getSpec().getContainers().stream(), pod.getSpec().getInitContainers().stream())
                .forEach(container -> literalCredential(container).ifPresent(env -> {
                    throw invalid(
                            yaml,
                            "environment variable " + env.getName() + " of container "
                                    + container.getName() + " holds a literal value; reference a Kubernetes Secret"
                                    + " (valueFrom.secretKeyRef) or use a Jenkins credential instead");
                }));
    }

    private static Optional<EnvVar> literalCredential(Container container) {
        return container.getEnv().stream()
                .filter(env -> env.getValue() != null && !env.getValue().isEmpty())
                .filter(env -> CREDENTIAL_VARIABLES.contains(env.getName())
                        || SECRET_NAME.matcher(env.getName()).matches())
                .findFirst();
    }

    /** A refusal found deep in the merge, turned into the one-line message naming the YAML. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static InvalidSpecException invalid(String yaml, String reason) {
        return new InvalidSpecException(FIELD, yaml.strip().lines().findFirst().orElse(""), reason, EXPECTED);
    }
}
