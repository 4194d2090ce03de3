package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.jenkins.plugins.gputrain.core.spec.LabelSyntax;
import java.util.List;

/**
 * The API server's rules for a pod's {@code spec.affinity.nodeAffinity} ({@code pkg/apis/core/validation/validation.go}
 * at v1.35.4: {@code validateNodeAffinity}, {@code ValidateNodeSelector}, {@code ValidateNodeSelectorTerm},
 * {@code ValidatePreferredSchedulingTerms} and {@code ValidateNodeSelectorRequirement}): a required selector has at
 * least one term; {@code In}/{@code NotIn} need values, {@code Exists}/{@code DoesNotExist} take none,
 * {@code Gt}/{@code Lt} exactly one; keys are label keys and required terms' values label values; preferred terms weigh 1 to 100.
 */
final class NodeAffinityRules {
    private NodeAffinityRules() {}

    /**
     * Checks a node affinity.
     *
     * @param field its field, {@code spec.affinity.nodeAffinity}
     * @param affinity the affinity, or null
     * @throws io.jenkins.plugins.gputrain.core.spec.InvalidSpecException naming the first invalid field
     */
    static void check(String field, NodeAffinity affinity) {
        if (affinity == null) {
            return;
        }
        if (affinity.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
            String terms = field + ".requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";
            List<NodeSelectorTerm> required =
                    affinity.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
            if (required.isEmpty()) {
                throw PodValidation.invalid(terms, "", "Required value: must have at least one node selector term");
            }
            for (int i = 0; i < required.size(); i++) {
                term(terms + "[" + i + "]", required.get(i), true);
            }
        }
        var preferred = affinity.getPreferredDuringSchedulingIgnoredDuringExecution();
        for (int i = 0; i < preferred.size(); i++) {
            String term = field + ".preferredDuringSchedulingIgnoredDuringExecution[" + i + "]";
            Integer weight = preferred.get(i).getWeight();
            if (weight == null || weight < 1 || weight > 100) {
                throw PodValidation.invalid(term + ".weight", String.valueOf(weight), "must be in the range 1-100");
            }
            if (preferred.get(i).getPreference() != null) {
                term(term + ".preference", preferred.get(i).getPreference(), false);
            }
        }
    }

    /** Values are label values only in required terms: a preferred one may name any value (as the API server allows). */
    private static void term(String field, NodeSelectorTerm term, boolean labelValues) {
        for (int j = 0; j < term.getMatchExpressions().size(); j++) {
            requirement(
                    field + ".matchExpressions[" + j + "]",
                    term.getMatchExpressions().get(j),
                    labelValues);
        }
    }

    private static void requirement(String field, NodeSelectorRequirement requirement, boolean labelValues) {
        String operator = requirement.getOperator() == null ? "" : requirement.getOperator();
        List<String> values = requirement.getValues();
        switch (operator) {
            case "In", "NotIn" -> {
                if (values.isEmpty()) {
                    throw PodValidation.invalid(
                            field + ".values",
                            "",
                            "Required value: must be specified when `operator` is 'In' or 'NotIn'");
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (!values.isEmpty()) {
                    throw PodValidation.invalid(
                            field + ".values",
                            String.join(",", values),
                            "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                }
            }
            case "Gt", "Lt" -> {
                if (values.size() != 1) {
                    throw PodValidation.invalid(
                            field + ".values",
                            String.join(",", values),
                            "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'");
                }
            }
            default -> throw PodValidation.invalid(field + ".operator", operator, "not a valid selector operator");
        }
        String key = requirement.getKey() == null ? "" : requirement.getKey();
        LabelSyntax.keyProblem(key).ifPresent(problem -> {
            throw PodValidation.invalid(field + ".key", key, problem);
        });
        for (int v = 0; labelValues && v < values.size(); v++) {
            String value = values.get(v);
            int index = v;
            LabelSyntax.valueProblem(value).ifPresent(problem -> {
                throw PodValidation.invalid(field + ".values[" + index + "]", value, problem);
            });
        }
    }
}
