package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables a {@code dvc.yaml} stage sees, and where each came from: leaf paths of values loaded from vars files
 * (for {@code params diff}'s tracked vars), what {@code item} stands for inside {@code foreach}, and what DVC's
 * {@code Context} needs to refuse a name defined twice ({@code dvc/parsing/context.py}, 3.67.1).
 *
 * @param values the variables
 * @param origins dotted leaf path to the repository path of the vars file it was loaded from
 * @param aliases dotted path of a value {@code foreach}/{@code matrix} bound to the own path of the value it is, when
 *     that came from the variables ({@code item} to {@code models.cnn}, {@code item.lr} to {@code lr})
 * @param sources key path of each value added to the vars file or inline entry ({@code vars[0]}) it came from
 * @param imports the vars files loaded so far
 * @param reserved the names {@code foreach}/{@code matrix} bound, which stage vars may not define, in DVC's order
 * @param sourceless key paths of the mappings and lists copied by {@link #cloned()}, which name no source
 */
record Scope(
        Value.Dict values,
        Map<String, String> origins,
        Map<String, String> aliases,
        Map<List<String>, String> sources,
        VarsImports imports,
        List<String> reserved,
        Set<List<String>> sourceless) {
    /** Copies the collections. */
    Scope {
        origins = Map.copyOf(origins);
        aliases = Map.copyOf(aliases);
        sources = Map.copyOf(sources);
        reserved = List.copyOf(reserved);
        sourceless = Set.copyOf(sourceless);
    }

    /** No variables. */
    static Scope empty() {
        return new Scope(Value.Dict.empty(), Map.of(), Map.of(), Map.of(), VarsImports.none(), List.of(), Set.of());
    }

    /**
     * The scope as DVC's {@code Context.clone} copies it for a stage's own vars: its {@code deepcopy} gives every
     * mapping and list a new, empty {@code Meta} (values keep theirs), so a {@code MergeError} against one of them
     * says it {@code already exists in 'None'}.
     */
    Scope cloned() {
        Set<List<String>> containers = new HashSet<>(sourceless);
        containers(values, List.of(), containers);
        return new Scope(values, origins, aliases, sources, imports, reserved, containers);
    }

    private static void containers(Value value, List<String> at, Set<List<String>> into) {
        if (value instanceof Value.Dict dict) {
            if (!at.isEmpty()) {
                into.add(at);
            }
            dict.entries().forEach((key, child) -> {
                List<String> path = new ArrayList<>(at);
                path.add(key);
                containers(child, List.copyOf(path), into);
            });
        } else if (value instanceof Value.Seq) {
            into.add(at);
        }
    }

    /**
     * Adds the values of a vars file (all of it or the keys an entry selects) and records the file as loaded.
     *
     * @param added the values
     * @param file the file's repository path
     * @param entry the {@code vars} entry as written ({@code v.yaml:a}), as DVC names it in a reserved-key error
     * @param keys the keys the entry selects, or null when it names the file alone
     * @return the wider scope
     * @throws ContextError DVC's {@code ReservedKeyError} or {@code MergeError}
     */
    Scope mergeFile(Value.Dict added, String file, String entry, List<String> keys) throws ContextError {
        Map<String, String> mergedOrigins = new LinkedHashMap<>(origins);
        leaves("", added, file, mergedOrigins);
        return merge(added, file, " in '" + entry + "'", mergedOrigins, imports.with(file, keys));
    }

    /**
     * Adds values written inline in a {@code vars} list.
     *
     * @param added the values
     * @param source how DVC names the entry ({@code vars[0]}, {@code train.vars[1]})
     * @return the wider scope
     * @throws ContextError DVC's {@code ReservedKeyError} or {@code MergeError}
     */
    Scope mergeInline(Value.Dict added, String source) throws ContextError {
        return merge(added, source, "", origins, imports);
    }

    /**
     * Adds names bound by {@code foreach}/{@code matrix}, replacing earlier bindings; they become reserved.
     *
     * @param bound the names and values, in the order DVC reserves them
     * @param boundAliases dotted paths inside the bound values to the own paths of the variables they are
     * @return the scope for one generated stage
     */
    Scope bind(Map<String, Value> bound, Map<String, String> boundAliases) {
        Map<String, Value> entries = new LinkedHashMap<>(values.entries());
        entries.putAll(bound);
        return new Scope(
                new Value.Dict(entries),
                origins,
                boundAliases,
                sources,
                imports,
                List.copyOf(bound.keySet()),
                sourceless);
    }

    /**
     * The own path in the variables of a value looked up, through what {@code foreach}/{@code matrix} bound: the
     * longest bound path that is or holds it, else nothing inside a bound name (a value written in {@code dvc.yaml}
     * has no source), else the path itself.
     */
    Optional<String> origin(String path) {
        for (String prefix = path; ; prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
            String alias = aliases.get(prefix);
            if (alias != null) {
                return Optional.of(alias + path.substring(prefix.length()));
            }
            if (prefix.indexOf('.') < 0) {
                return reserved.contains(prefix) ? Optional.empty() : Optional.of(path);
            }
        }
    }

    private Scope merge(
            Value.Dict added, String source, String where, Map<String, String> mergedOrigins, VarsImports loaded)
            throws ContextError {
        List<String> modified =
                reserved.stream().filter(added.entries()::containsKey).toList();
        if (!modified.isEmpty()) {
            throw new ContextError(
                    ContextError.Kind.RESERVED,
                    "attempted to modify reserved key" + (modified.size() > 1 ? "s " : " ") + join(modified) + where);
        }
        Map<List<String>, String> mergedSources = new LinkedHashMap<>(sources);
        Value.Dict merged = merge(values, added, List.of(), source, mergedSources);
        return new Scope(merged, mergedOrigins, aliases, mergedSources, loaded, reserved, sourceless);
    }

    /** DVC's {@code humanize.join}: {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String join(List<String> words) {
        String last = words.get(words.size() - 1);
        return words.size() == 1 ? last : String.join(", ", words.subList(0, words.size() - 1)) + " and " + last;
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

    /** DVC's {@code _merge}: mappings merge key by key; any other name defined twice is a {@code MergeError}. */
    private Value.Dict merge(
            Value.Dict into, Value.Dict from, List<String> at, String source, Map<List<String>, String> mergedSources)
            throws ContextError {
        Map<String, Value> entries = new LinkedHashMap<>(into.entries());
        for (Map.Entry<String, Value> entry : from.entries().entrySet()) {
            List<String> path = new ArrayList<>(at);
            path.add(entry.getKey());
            Value existing = entries.get(entry.getKey());
            if (existing instanceof Value.Dict a && entry.getValue() instanceof Value.Dict b) {
                entries.put(entry.getKey(), merge(a, b, path, source, mergedSources));
            } else if (existing != null) {
                throw new ContextError(
                        ContextError.Kind.MERGE,
                        "cannot redefine '" + String.join(".", path) + "' from '" + source
                                + "' as it already exists in '" + sourceOf(path) + "'");
            } else {
                entries.put(entry.getKey(), entry.getValue());
                mergedSources.put(List.copyOf(path), source);
            }
        }
        return new Value.Dict(entries);
    }

    /**
     * Where the value at a key path came from: the source that added it or the mapping holding it; {@code None} for a
     * mapping or list copied by {@link #cloned()}.
     */
    private String sourceOf(List<String> path) {
        if (sourceless.contains(path)) {
            return "None";
        }
        for (int length = path.size(); length > 0; length--) {
            String source = sources.get(path.subList(0, length));
            if (source != null) {
                return source;
            }
        }
        return "<local>";
    }
}
