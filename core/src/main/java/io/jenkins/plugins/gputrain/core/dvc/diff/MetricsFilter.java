package io.jenkins.plugins.gputrain.core.dvc.diff;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DVC's {@code _extract_metrics}: metrics keep numbers, booleans and strings, and mappings of them; lists and nulls
 * are dropped, and so are mappings left empty. A falsy result is an empty mapping.
 */
public final class MetricsFilter {
    private MetricsFilter() {}

    /**
     * Filters a metrics file's value.
     *
     * @param value as parsed
     * @return the metrics
     */
    public static Value extract(Value value) {
        Value extracted = extractValue(value);
        return extracted != null && extracted.isTruthy() ? extracted : Value.Dict.empty();
    }

    private static Value extractValue(Value value) {
        if (value.isNumber() || value instanceof Value.Str) {
            return value;
        }
        if (value instanceof Value.Dict dict) {
            Map<String, Value> kept = new LinkedHashMap<>();
            dict.entries().forEach((key, item) -> {
                Value extracted = extractValue(item);
                if (extracted != null
                        && !(extracted instanceof Value.Dict d && d.entries().isEmpty())) {
                    kept.put(key, extracted);
                }
            });
            return new Value.Dict(kept, dict.keys());
        }
        return null;
    }
}
