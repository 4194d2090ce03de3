package io.jenkins.plugins.gputrain.core.gate;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code qualityGates: [[metric: 'evaluation/metrics.json:acc', threshold: -0.01, type: 'change', operator: '>=',
 * criticality: 'failure'], …]} as a Jenkinsfile gives it to {@code gpuTrain} (the threshold a number or its text, a
 * {@code $class} naming the gate's class allowed, as {@code publishDvcMetrics} takes them): checked before anything
 * runs, and handed on to {@code publishDvcMetrics} as plain maps.
 */
public final class GateArguments {
    /** The argument's name. */
    public static final String FIELD = "qualityGates";

    private static final Set<String> KEYS = Set.of("metric", "threshold", "type", "operator", "criticality");
    /** structs' key naming a map's describable class: {@code [$class: 'MetricQualityGate', …]}. */
    private static final String CLASS_KEY = "$class";

    private static final String GATE_CLASS = "MetricQualityGate";
    private static final Set<String> GATE_CLASSES =
            Set.of(GATE_CLASS, "io.jenkins.plugins.gputrain.publish." + GATE_CLASS);
    private static final String EXPECTED = "a list of maps such as [metric: 'evaluation/metrics.json:acc',"
            + " threshold: -0.01] with keys metric, threshold, type, operator, criticality";

    private GateArguments() {}

    /**
     * Reads the gates.
     *
     * @param value a list of maps
     * @return the gates, in order
     * @throws InvalidSpecException naming {@code qualityGates} (and the gate) for the first problem
     */
    public static List<QualityGate> of(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidSpecException(FIELD, String.valueOf(value), "is not a list", EXPECTED);
        }
        List<QualityGate> gates = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            gates.add(gate(FIELD + "[" + i + "]", list.get(i)));
        }
        return gates;
    }

    /**
     * The gate as the named arguments of {@code publishDvcMetrics}'s {@code qualityGates}: every value a string, the
     * threshold as its decimal text ({@code -0.01}), as the step's gate binds it.
     */
    public static Map<String, Object> toArguments(QualityGate gate) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("metric", gate.metric().toString());
        arguments.put("threshold", gate.threshold().toString());
        arguments.put("type", gate.type().value());
        arguments.put("operator", gate.operator().symbol());
        arguments.put("criticality", gate.criticality().value());
        return arguments;
    }

    private static QualityGate gate(String field, Object element) {
        if (!(element instanceof Map<?, ?> map)) {
            throw new InvalidSpecException(field, String.valueOf(element), "is not a map", EXPECTED);
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key)) && !CLASS_KEY.equals(key)) {
                throw new InvalidSpecException(field, String.valueOf(key), "unknown key", EXPECTED);
            }
        }
        if (map.containsKey(CLASS_KEY) && !GATE_CLASSES.contains(String.valueOf(map.get(CLASS_KEY)))) {
            throw new InvalidSpecException(
                    field + " " + CLASS_KEY, String.valueOf(map.get(CLASS_KEY)), "is not a quality gate", GATE_CLASS);
        }
        Object threshold = map.get("threshold");
        if (threshold == null) {
            throw new InvalidSpecException(field + " threshold", "", "missing", EXPECTED);
        }
        if (threshold instanceof CharSequence text) {
            // as the Snippet Generator writes it, and as publishDvcMetrics' gate binds it
            return QualityGate.ofText(
                    text(field, map, "metric"),
                    text(field, map, "type"),
                    text(field, map, "operator"),
                    text.toString(),
                    text(field, map, "criticality"));
        }
        if (!(threshold instanceof Number number)) {
            throw new InvalidSpecException(
                    field + " threshold", String.valueOf(threshold), "is not a number", EXPECTED);
        }
        return QualityGate.of(
                text(field, map, "metric"),
                text(field, map, "type"),
                text(field, map, "operator"),
                number,
                text(field, map, "criticality"));
    }

    private static String text(String field, Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value != null && !(value instanceof CharSequence)) {
            throw new InvalidSpecException(field + " " + key, String.valueOf(value), "is not a string", EXPECTED);
        }
        return value == null ? null : value.toString();
    }
}
