package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Required node affinity as {@code k8s.io/component-helpers/scheduling/corev1/nodeaffinity} matches it: the terms are
 * ORed, a term's requirements ANDed, a term without requirements matches nothing; {@code matchFields} knows
 * {@code metadata.name}; {@code Gt}/{@code Lt} compare integers and fail on anything else.
 */
final class NodeAffinityMatch {
    private NodeAffinityMatch() {}

    /** Whether the node matches the terms; no terms at all is no constraint. */
    static boolean matches(List<NodeSelectorTerm> terms, Node node) {
        if (terms.isEmpty()) {
            return true;
        }
        Map<String, String> labels =
                Optional.ofNullable(node.getMetadata().getLabels()).orElse(Map.of());
        Map<String, String> fields = Map.of("metadata.name", node.getMetadata().getName());
        return terms.stream().anyMatch(term -> {
            List<NodeSelectorRequirement> expressions = term.getMatchExpressions();
            List<NodeSelectorRequirement> matchFields = term.getMatchFields();
            if (expressions.isEmpty() && matchFields.isEmpty()) {
                return false;
            }
            return expressions.stream().allMatch(r -> requirement(r, labels))
                    && matchFields.stream().allMatch(r -> requirement(r, fields));
        });
    }

    private static boolean requirement(NodeSelectorRequirement requirement, Map<String, String> values) {
        String value = values.get(requirement.getKey());
        List<String> wanted = requirement.getValues();
        return switch (String.valueOf(requirement.getOperator())) {
            case "In" -> value != null && wanted.contains(value);
            case "NotIn" -> value == null || !wanted.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "Gt" -> compare(value, wanted) > 0;
            case "Lt" -> compare(value, wanted) < 0 && compare(value, wanted) != Integer.MIN_VALUE;
            default -> false;
        };
    }

    /** The sign of value − the single wanted integer, or {@code Integer.MIN_VALUE} when either is not an integer. */
    private static int compare(String value, List<String> wanted) {
        if (value == null || wanted.size() != 1) {
            return Integer.MIN_VALUE;
        }
        try {
            return Long.compare(Long.parseLong(value), Long.parseLong(wanted.get(0)));
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }
}
