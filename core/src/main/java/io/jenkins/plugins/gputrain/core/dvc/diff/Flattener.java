package io.jenkins.plugins.gputrain.core.dvc.diff;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DVC's {@code format_dict} then {@code flatten(reducer="dot")}: lists at any depth become their Python repr (tuples
 * and sets of {@code .py} params stay what they are: {@code format_dict} turns only {@code list}s into text), nested
 * mappings join their keys with {@code .} (an empty key too: {@code {"": {"a": 1}}} is {@code .a}), empty
 * mappings vanish.
 */
public final class Flattener {
    private Flattener() {}

    /**
     * Flattens a mapping.
     *
     * @param dict the mapping
     * @return flat keys to leaf values, in document order
     * @throws DuplicatedKeyException when two paths flatten to the same key ({@code {"a.b": 1, "a": {"b": 2}}})
     */
    public static Map<String, Value> flatten(Value.Dict dict) {
        Map<String, Value> flat = new LinkedHashMap<>();
        flatten(null, dict, flat);
        return flat;
    }

    /**
     * A flat key as Python holds it: {@code flatten_dict}'s dot reducer leaves a top-level key what it is ({@code 1.5},
     * {@code True}, {@code None}) and joins nested keys as text ({@code "a.True"}).
     *
     * @param dict the mapping flattened
     * @param flatKey one of its flat keys
     * @return the key: a {@link Value.Str} unless a top-level key that is not a string
     */
    public static Value pythonKey(Value.Dict dict, String flatKey) {
        return dict.entries().get(flatKey) instanceof Value.Dict ? new Value.Str(flatKey) : dict.key(flatKey);
    }

    private static void flatten(String prefix, Value.Dict dict, Map<String, Value> flat) {
        dict.entries().forEach((key, value) -> {
            String flatKey = prefix == null ? key : prefix + "." + key;
            if (value instanceof Value.Dict nested) {
                flatten(flatKey, nested, flat);
            } else if (flat.put(
                            flatKey,
                            value instanceof Value.Seq seq && seq.kind() == Value.Seq.Kind.LIST
                                    ? new Value.Str(seq.str())
                                    : value)
                    != null) {
                throw new DuplicatedKeyException(flatKey);
            }
        });
    }

    /** Two paths of a file flatten to the same key; DVC stops with {@code ValueError("duplicated key")}. */
    public static final class DuplicatedKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicatedKeyException(String key) {
            super("duplicated key '" + key + "'");
        }
    }
}
