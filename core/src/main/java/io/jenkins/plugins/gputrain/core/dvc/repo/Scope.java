package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a {@code dvc.yaml} stage sees, and where each came from: leaf paths of values loaded from vars files
 * (for {@code params diff}'s tracked vars) and what {@code item} stands for inside {@code foreach}.
 *
 * @param values the variables
 * @param origins dotted leaf path to the repository path of the vars file it was loaded from
 * @param aliases name to the dotted path it stands for ({@code item} to {@code models.cnn})
 */
record Scope(Value.Dict values, Map<String, String> origins, Map<String, String> aliases) {
    /** Copies the maps. */
    Scope {
        origins = Map.copyOf(origins);
        aliases = Map.copyOf(aliases);
    }

    /** No variables. */
    static Scope empty() {
        return new Scope(Value.Dict.empty(), Map.of(), Map.of());
    }

    /**
     * Adds values loaded from a file or written inline; a leaf defined twice is an error, as in DVC.
     *
     * @param added the values
     * @param file the vars file they come from, or {@code null} for inline values
     * @return the wider scope
     */
    Scope merge(Value.Dict added, String file) {
        Map<String, String> mergedOrigins = new LinkedHashMap<>(origins);
        if (file != null) {
            leaves("", added, file, mergedOrigins);
        }
        return new Scope(merge(values, added), mergedOrigins, aliases);
    }

    /**
     * Adds names bound by {@code foreach}/{@code matrix}, replacing earlier bindings.
     *
     * @param bound the names and values
     * @param alias what {@code item} stands for, or {@code null}
     * @return the scope for one generated stage
     */
    Scope bind(Map<String, Value> bound, String alias) {
        Map<String, Value> entries = new LinkedHashMap<>(values.entries());
        entries.putAll(bound);
        Map<String, String> boundAliases = new LinkedHashMap<>(aliases);
        boundAliases.remove("item");
        if (alias != null) {
            boundAliases.put("item", alias);
        }
        return new Scope(new Value.Dict(entries), origins, boundAliases);
    }

    /** The dotted path a looked-up name stands for, with aliases resolved. */
    String origin(String name) {
        int dot = name.indexOf('.');
        String head = dot < 0 ? name : name.substring(0, dot);
        String alias = aliases.get(head);
        return alias == null ? name : alias + (dot < 0 ? "" : name.substring(dot));
    }

    private static void leaves(String prefix, Value.Dict dict, String file, Map<String, String> into) {
        dict.entries().forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Value.Dict nested) {
                leaves(path, nested, file, into);
            } else {
                into.put(path, file);
            }
        });
    }

    private static Value.Dict merge(Value.Dict into, Value.Dict from) {
        Map<String, Value> entries = new LinkedHashMap<>(into.entries());
        from.entries().forEach((key, value) -> {
            Value existing = entries.get(key);
            if (existing instanceof Value.Dict a && value instanceof Value.Dict b) {
                entries.put(key, merge(a, b));
            } else if (existing != null) {
                throw new Interpolator.ResolveException("cannot redefine '" + key + "' as it already exists");
            } else {
                entries.put(key, value);
            }
        });
        return new Value.Dict(entries);
    }
}
