package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
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
 * Merges user-supplied pod YAML over a generated pod: maps merge key by key with the YAML winning; lists of named
 * items ({@code containers}, {@code volumes}, {@code env}, …) merge item by item by {@code name}; {@code tolerations}
 * are added; any other list is replaced. The result must still be a pod, and must not carry credentials as literal
 * environment values.
 */
final class PodYamlMerger {
    /** The field name in messages. */
    static final String FIELD = "yaml";

    private static final String EXPECTED = "pod YAML, e.g. 'spec: {priorityClassName: ml-batch}'";
    private static final Set<String> APPENDED_LISTS = Set.of("tolerations");
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|CREDENTIAL|PRIVATE_?KEY).*");

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
        Object merged = mergeValue(base, extraMap);
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
            if (isNamedList(baseList) && isNamedList(extraList)) {
                return mergeByName(baseList, extraList);
            }
            return extra;
        }
        return mergeValue(base, extra);
    }

    private static boolean isNamedList(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null);
    }

    private static List<Object> mergeByName(List<?> base, List<?> extra) {
        List<Object> merged = new ArrayList<>(base);
        for (Object item : extra) {
            Object name = ((Map<?, ?>) item).get("name");
            int index = indexOfName(merged, name);
            if (index < 0) {
                merged.add(item);
            } else {
                merged.set(index, mergeValue(merged.get(index), item));
            }
        }
        return merged;
    }

    private static int indexOfName(List<Object> items, Object name) {
        for (int i = 0; i < items.size(); i++) {
            if (Objects.equals(((Map<?, ?>) items.get(i)).get("name"), name)) {
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
                .filter(env -> SECRET_NAME.matcher(env.getName()).matches())
                .findFirst();
    }

    private static InvalidSpecException invalid(String yaml, String reason) {
        return new InvalidSpecException(FIELD, yaml.strip().lines().findFirst().orElse(""), reason, EXPECTED);
    }
}
