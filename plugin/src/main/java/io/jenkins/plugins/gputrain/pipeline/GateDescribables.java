package io.jenkins.plugins.gputrain.pipeline;

import io.jenkins.plugins.gputrain.core.gate.GateArguments;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.publish.MetricQualityGate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;

/**
 * {@code gpuTrain}'s {@code qualityGates} with each {@code qualityGate(metric: …, threshold: …)} (the Snippet
 * Generator's syntax) as its map of arguments. In a Pipeline such a call is an {@link UninstantiatedDescribable} when
 * no step takes it (workflow-cps {@code DSL.invokeDescribable}, 4350.vcc65d4958821); {@code publishDvcMetrics} gets
 * it through structs' {@code DescribableModel.coerce}, which resolves it as {@code resolveClass} does
 * (structs 362.va_b_695ef4fdf9): by its class name when it has one (simple or fully qualified), else by its symbol,
 * else as the one gate class; then {@code DescribableModel.instantiate} refuses unnamed arguments
 * ({@code qualityGate('…')}), as the gate has two required ones. The same rules apply here, before the pod.
 */
public final class GateDescribables {
    private static final String EXPECTED = "qualityGate(metric: 'evaluation/metrics.json:acc', threshold: -0.01) or"
            + " a map such as [metric: 'evaluation/metrics.json:acc', threshold: -0.01]";

    private GateDescribables() {}

    /**
     * The arguments with each described gate replaced by its arguments; anything else is left as it is (and checked
     * as a map later).
     *
     * @param arguments {@code gpuTrain}'s arguments
     * @return a copy, or the arguments themselves when {@code qualityGates} is not a list
     * @throws InvalidSpecException naming the gate, for another describable or unnamed arguments
     */
    public static Map<String, ?> asMaps(Map<String, ?> arguments) {
        if (!(arguments.get(GateArguments.FIELD) instanceof List<?> gates)) {
            return arguments;
        }
        List<Object> maps = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            Object gate = gates.get(i);
            maps.add(
                    gate instanceof UninstantiatedDescribable described
                            ? arguments(GateArguments.FIELD + "[" + i + "]", described)
                            : gate);
        }
        Map<String, Object> copy = new LinkedHashMap<>(arguments);
        copy.put(GateArguments.FIELD, maps);
        return copy;
    }

    private static Map<String, ?> arguments(String field, UninstantiatedDescribable gate) {
        String klass = gate.getKlass();
        String symbol = gate.getSymbol();
        if (klass != null) {
            if (!klass.equals(MetricQualityGate.class.getSimpleName())
                    && !klass.equals(MetricQualityGate.class.getName())) {
                throw new InvalidSpecException(field, klass, "is not a quality gate class", EXPECTED);
            }
        } else if (symbol != null && !symbol.equals(MetricQualityGate.SYMBOL)) {
            throw new InvalidSpecException(field, symbol + "(…)", "is not a quality gate", EXPECTED);
        }
        if (gate.getArguments().containsKey(UninstantiatedDescribable.ANONYMOUS_KEY)) {
            throw new InvalidSpecException(
                    field, MetricQualityGate.SYMBOL + "(…)", "its arguments have to be named", EXPECTED);
        }
        return gate.getArguments();
    }
}
