package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonTypes;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Loads the {@code dvc.yaml} files of one revision (every one, at any depth) and the {@code dvc.lock} beside each:
 * templating ({@code params.yaml} of the file's directory, {@code vars}, {@code foreach}/{@code do}, {@code matrix},
 * {@code ${…}}), stage {@code wdir}, metrics/plots outputs with their {@code cache} flag, params dependencies, and
 * top-level {@code metrics}/{@code params}/{@code plots}.
 */
final class DvcProjectLoader {
    private final RepoTree tree;
    private final DataFileReader reader;

    private final List<DvcProject.Output> stageMetrics = new ArrayList<>();
    private final List<String> topLevelMetrics = new ArrayList<>();
    private final List<DvcProject.ParamsDependency> stageParams = new ArrayList<>();
    private final List<String> topLevelParams = new ArrayList<>();
    private final List<DvcProject.Output> plotOutputs = new ArrayList<>();
    private final List<DvcProject.PlotDefinition> topLevelPlots = new ArrayList<>();
    private final Map<String, DvcProject.LockedOutput> locked = new LinkedHashMap<>();
    private final Map<String, java.util.LinkedHashSet<String>> trackedVars = new LinkedHashMap<>();

    DvcProjectLoader(RepoTree tree, DataFileReader reader) {
        this.tree = tree;
        this.reader = reader;
    }

    /**
     * Loads the revision's project.
     *
     * @return what the files declare
     * @throws UnreadableFileException when a {@code dvc.yaml} cannot be read, parsed or templated; DVC then has no
     *     data for the whole revision
     */
    DvcProject load() throws UnreadableFileException {
        try {
            for (String dvcYaml : topDown(new DvcIgnore(tree).keep(tree.find("dvc.yaml")))) {
                loadFile(dvcYaml);
            }
        } catch (IOException e) {
            throw new UnreadableFileException("OSError", e.getMessage());
        } catch (Interpolator.ResolveException e) {
            throw new UnreadableFileException("ResolveError", e.getMessage());
        }
        List<DvcProject.ParamsDependency> tracked = new ArrayList<>();
        trackedVars.forEach((file, keys) -> tracked.add(new DvcProject.ParamsDependency(file, List.copyOf(keys))));
        return new DvcProject(
                stageMetrics,
                topLevelMetrics,
                stageParams,
                topLevelParams,
                plotOutputs,
                topLevelPlots,
                locked,
                tracked);
    }

    private void loadFile(String dvcYaml) throws IOException, UnreadableFileException {
        String directory = RepoPaths.parent(dvcYaml);
        Value.Dict document =
                document(dvcYaml, readYaml(dvcYaml, "YAMLSyntaxError").orElseThrow());
        PlotSchema.check(dvcYaml, document);
        Scope scope = scope(dvcYaml, directory, document);
        // DVC's index loads the stages first, then the top-level metrics, plots and params
        Map<String, String> stageDirectories = new LinkedHashMap<>();
        Value stages = document.entries().getOrDefault("stages", Value.Dict.empty());
        for (Map.Entry<String, Value> stage : dict(stages).entries().entrySet()) {
            expand(directory, stage.getKey(), dict(stage.getValue()), scope, stageDirectories);
        }
        String where = "'" + dvcYaml + "'";
        for (Value entry : resolveEach(document, "metrics", scope, where)) {
            topLevelMetrics.add(path(directory, entry.str()));
        }
        for (Value entry : resolveEach(document, "plots", scope, where)) {
            topLevelPlots.addAll(plotDefinitions(dvcYaml, entry));
        }
        for (Value entry : resolveEach(document, "params", scope, where)) {
            topLevelParams.add(path(directory, entry.str()));
        }
        loadLock(RepoPaths.resolve(directory, "dvc.lock").orElseThrow(), stageDirectories);
    }

    private void expand(
            String directory, String name, Value.Dict stage, Scope scope, Map<String, String> stageDirectories)
            throws IOException, UnreadableFileException {
        Value foreach = stage.entries().get("foreach");
        Value matrix = stage.entries().get("matrix");
        String dvcYaml = "'" + RepoPaths.resolve(directory, "dvc.yaml").orElseThrow() + "'";
        if (foreach != null) {
            Value.Dict body = dict(stage.entries().getOrDefault("do", Value.Dict.empty()));
            Interpolator.Sourced data = sourced(foreach, scope, "'stages." + name + ".foreach' in " + dvcYaml);
            checkSyntax(body, name, dvcYaml);
            // DVC's normalized_iterable: one stage per key, the last item of a key kept where its first stood
            Map<String, Scope> generated = new LinkedHashMap<>();
            if (data.value() instanceof Value.Dict dict) {
                for (Map.Entry<String, Value> item : dict.entries().entrySet()) {
                    String key = Interpolator.toStr(dict.key(item.getKey()));
                    generated.put(
                            key,
                            scope.bind(
                                    ordered("item", item.getValue(), "key", new Value.Str(key)),
                                    aliases(data.sources(), item.getKey(), "item")));
                }
            } else {
                List<Value> items = list(data.value());
                boolean composite = items.stream().anyMatch(DvcProjectLoader::composite);
                for (int i = 0; i < items.size(); i++) {
                    Map<String, String> aliases = aliases(data.sources(), String.valueOf(i), "item");
                    String key = composite ? String.valueOf(i) : stageKey(items.get(i), aliases.containsKey("item"));
                    generated.put(key, scope.bind(Map.of("item", items.get(i)), aliases));
                }
            }
            for (Map.Entry<String, Scope> item : generated.entrySet()) {
                define(directory, name + "@" + item.getKey(), body, item.getValue(), stageDirectories);
            }
        } else if (matrix != null) {
            Interpolator.Sourced data = sourced(matrix, scope, "'stages." + name + ".matrix' in " + dvcYaml);
            Map<String, Value> template = new LinkedHashMap<>(stage.entries());
            template.remove("matrix");
            checkSyntax(new Value.Dict(template), name, dvcYaml);
            List<Map<String, Integer>> combinations = new ArrayList<>();
            combinations.add(new LinkedHashMap<>());
            for (Map.Entry<String, Value> axis : dict(data.value()).entries().entrySet()) {
                List<Map<String, Integer>> next = new ArrayList<>();
                for (Map<String, Integer> combination : combinations) {
                    for (int i = 0; i < list(axis.getValue()).size(); i++) {
                        Map<String, Integer> extended = new LinkedHashMap<>(combination);
                        extended.put(axis.getKey(), i);
                        next.add(extended);
                    }
                }
                combinations = next;
            }
            Map<String, Scope> generated = new LinkedHashMap<>();
            for (Map<String, Integer> combination : combinations) {
                Map<String, Value> item = new LinkedHashMap<>();
                Map<String, String> aliases = new LinkedHashMap<>();
                List<String> key = new ArrayList<>();
                combination.forEach((axis, index) -> {
                    Value value = list(dict(data.value()).entries().get(axis)).get(index);
                    item.put(axis, value);
                    Map<String, String> axisAliases =
                            aliases(data.sources(), axis + "." + index, Interpolator.child("item", axis));
                    aliases.putAll(axisAliases);
                    key.add(
                            composite(value)
                                    ? axis + index
                                    : stageKey(value, axisAliases.containsKey(Interpolator.child("item", axis))));
                });
                String joined = String.join("-", key);
                generated.put(
                        joined,
                        scope.bind(ordered("key", new Value.Str(joined), "item", new Value.Dict(item)), aliases));
            }
            for (Map.Entry<String, Scope> item : generated.entrySet()) {
                define(directory, name + "@" + item.getKey(), stage, item.getValue(), stageDirectories);
            }
        } else {
            checkSyntax(stage, name, dvcYaml);
            define(directory, name, stage, scope, stageDirectories);
        }
    }

    private void define(
            String directory, String name, Value.Dict stage, Scope outer, Map<String, String> stageDirectories)
            throws IOException, UnreadableFileException {
        String dvcYaml = "'" + RepoPaths.resolve(directory, "dvc.yaml").orElseThrow() + "'";
        // DVC resolves wdir first, with the outer scope only, neither tracked nor checked, and reads the stage's vars
        // files from its to_str (_resolve_wdir: a null is the directory None)
        Value wdir = stage.entries().getOrDefault("wdir", Value.None.NONE);
        String varsBase = !wdir.isTruthy()
                ? directory
                : path(
                        directory,
                        Interpolator.toStr(resolve(
                                wdir,
                                outer.values(),
                                null,
                                (looked, found) -> {},
                                "'stages." + name + ".wdir' in " + dvcYaml)));
        List<Value> stageVars = list(stage.entries().getOrDefault("vars", Value.Seq.list(List.of())));
        // DVC clones the context for a stage with vars (Context.clone in dvc/parsing/__init__.py)
        Scope scope = stageVars.isEmpty() ? outer : outer.cloned();
        refuseInterpolation(stageVars, "'stages." + name + ".vars' in " + dvcYaml);
        try {
            for (int index = 0; index < stageVars.size(); index++) {
                scope = vars(varsBase, stageVars.get(index), name + ".vars[" + index + "]", scope);
            }
        } catch (ContextError e) {
            // DVC's EntryDefinition names the vars list for VarsAlreadyLoaded only, the stage for the others.
            throw new Interpolator.ResolveException(e.failedToParse(
                    e.kind() == ContextError.Kind.ALREADY_LOADED
                            ? "'stages." + name + ".vars' in " + dvcYaml
                            : "stage '" + name + "' in " + dvcYaml));
        }
        // DVC resolves every field of the definition in its order (wdir again), vars popped, matrix taken out
        Map<String, Value> resolved = new LinkedHashMap<>();
        for (String field : stage.entries().keySet()) {
            if (!field.equals("vars") && !field.equals("matrix")) {
                resolved.put(field, resolveField(stage, name, field, scope, dvcYaml));
            }
        }
        Value resolvedWdir = resolved.getOrDefault("wdir", Value.None.NONE);
        if (stage.entries().get("wdir") instanceof Value.Str
                && !(resolvedWdir instanceof Value.Str || resolvedWdir instanceof Value.None)) {
            // a ${…} giving a number or a boolean: DVC's stage loading joins it to a path (os.path.join)
            throw new UnreadableFileException(
                    "TypeError",
                    "join() argument must be str, bytes, or os.PathLike object, not '" + PythonTypes.name(resolvedWdir)
                            + "'");
        }
        // the stage itself has the wdir of the second resolution, typed: a null is no wdir
        String base = resolvedWdir instanceof Value.Str text ? path(directory, text.value()) : directory;
        stageDirectories.put(name, base);
        for (Value entry : list(resolved.getOrDefault("metrics", Value.None.NONE))) {
            stageMetrics.addAll(outputs(base, entry));
        }
        for (Value entry : list(resolved.getOrDefault("plots", Value.None.NONE))) {
            plotOutputs.addAll(outputs(base, entry));
        }
        for (Value entry : list(resolved.getOrDefault("params", Value.None.NONE))) {
            if (entry instanceof Value.Dict files) {
                files.entries()
                        .forEach((file, keys) -> stageParams.add(new DvcProject.ParamsDependency(
                                path(base, file),
                                list(keys).stream().map(Value::str).toList())));
            } else {
                stageParams.add(new DvcProject.ParamsDependency(path(base, "params.yaml"), List.of(entry.str())));
            }
        }
    }

    /** {@code foreach}/{@code matrix} data templated, failing as DVC names it ({@code 'stages.f.foreach' in …}). */
    private static Interpolator.Sourced sourced(Value data, Scope scope, String what) {
        try {
            return Interpolator.resolveSourced(data, scope.values());
        } catch (Interpolator.ResolveException e) {
            throw e.failedToParse(what);
        }
    }

    /**
     * DVC's {@code check_syntax_errors}: every {@code ${…}} of a stage's definition (of a {@code foreach}'s {@code do},
     * of a {@code matrix} stage without its data) parsed before any is resolved, the first refused failing as its field.
     */
    private static void checkSyntax(Value.Dict definition, String name, String dvcYaml) {
        definition.entries().forEach((field, value) -> {
            try {
                Interpolator.checkSyntax(value);
            } catch (Interpolator.ResolveException e) {
                throw e.failedToParse("'stages." + name + "." + field + "' in " + dvcYaml);
            }
        });
    }

    /** DVC's {@code is_map_or_seq}. */
    private static boolean composite(Value value) {
        return value instanceof Value.Dict || value instanceof Value.Seq;
    }

    /**
     * The name part of a generated stage for a scalar item: DVC's {@code to_str} of it, or Python's {@code str()} when
     * it is a value of the variables (a node, which {@code to_str} does not know: {@code True}).
     */
    private static String stageKey(Value item, boolean fromVariables) {
        return fromVariables ? item.str() : Interpolator.toStr(item);
    }

    /**
     * What a value bound as {@code bound}, standing at {@code at} in the {@code foreach}/{@code matrix} data, and the
     * values inside it are in the variables, from where the data's exact expressions stand.
     */
    private static Map<String, String> aliases(Map<String, String> sources, String at, String bound) {
        Map<String, String> aliases = new LinkedHashMap<>();
        sources.forEach((place, path) -> {
            if (place.equals(at) || place.startsWith(at + ".")) {
                aliases.put(bound + place.substring(at.length()), path);
            } else if (place.isEmpty() || at.startsWith(place + ".")) {
                aliases.put(bound, Interpolator.child(path, place.isEmpty() ? at : at.substring(place.length() + 1)));
            }
        });
        return aliases;
    }

    /** Two bindings in the order DVC reserves them: {@code item, key} for {@code foreach}, {@code key, item} for matrix. */
    private static Map<String, Value> ordered(String first, Value firstValue, String second, Value secondValue) {
        Map<String, Value> bound = new LinkedHashMap<>();
        bound.put(first, firstValue);
        bound.put(second, secondValue);
        return bound;
    }

    /**
     * The outputs of a stage's {@code metrics:} or {@code plots:} entry, as DVC 3.67.1's {@code _merge_data}
     * ({@code dvc/output.py}) reads it: a path, or a mapping of paths to their flags (every key an output); flags that
     * are a list (which the plots schema allows) fail the revision with DVC's {@code ValueError}.
     */
    private static List<DvcProject.Output> outputs(String base, Value entry) throws UnreadableFileException {
        if (!(entry instanceof Value.Dict dict)) {
            return List.of(new DvcProject.Output(path(base, entry.str()), true, Map.of()));
        }
        List<DvcProject.Output> outputs = new ArrayList<>();
        for (Map.Entry<String, Value> output : dict.entries().entrySet()) {
            if (output.getValue() instanceof Value.Seq flags) {
                throw new UnreadableFileException(
                        "ValueError",
                        "Expected dict for '" + output.getKey() + "', got: '" + PythonTypes.name(flags) + "'");
            }
            Map<String, Value> props = output.getValue() instanceof Value.Dict p ? p.entries() : Map.of();
            Value cache = props.get("cache");
            boolean cached = !(cache instanceof Value.Bool b && !b.value());
            outputs.add(new DvcProject.Output(path(base, output.getKey()), cached, props));
        }
        return outputs;
    }

    /**
     * The definitions of one top-level {@code plots:} entry, which {@link PlotSchema} has checked: a path, or a
     * mapping of which DVC reads the first key only ({@code _collect_pipeline_files}: {@code k, v =
     * next(iter(elem.items()))}).
     */
    private static List<DvcProject.PlotDefinition> plotDefinitions(String config, Value entry) {
        if (entry instanceof Value.Dict dict) {
            return dict.entries().entrySet().stream()
                    .limit(1)
                    .map(plot -> new DvcProject.PlotDefinition(
                            plot.getKey(), config, plot.getValue() instanceof Value.Dict p ? p.entries() : Map.of()))
                    .toList();
        }
        return List.of(new DvcProject.PlotDefinition(entry.str(), config, Map.of()));
    }

    private void loadLock(String lockPath, Map<String, String> stageDirectories)
            throws IOException, UnreadableFileException {
        Optional<Value> lock = readYaml(lockPath, "LockfileCorruptedError");
        if (lock.isEmpty()) {
            return;
        }
        Value stages = dict(lock.get()).entries().getOrDefault("stages", Value.Dict.empty());
        dict(stages).entries().forEach((name, stage) -> {
            String base = stageDirectories.getOrDefault(name, RepoPaths.parent(lockPath));
            for (Value out : list(dict(stage).entries().getOrDefault("outs", Value.Seq.list(List.of())))) {
                Map<String, Value> fields = dict(out).entries();
                Value md5 = fields.get("md5");
                if (fields.get("path") != null && md5 != null) {
                    locked.put(
                            path(base, fields.get("path").str()),
                            new DvcProject.LockedOutput(
                                    md5.str(),
                                    "md5"
                                            .equals(fields.getOrDefault("hash", Value.None.NONE)
                                                    .str())));
                }
            }
        });
    }

    private Scope scope(String dvcYaml, String directory, Value.Dict document)
            throws IOException, UnreadableFileException {
        Scope scope = Scope.empty();
        String where = "'vars' in '" + dvcYaml + "'";
        List<Value> documentVars = list(document.entries().getOrDefault("vars", Value.Seq.list(List.of())));
        refuseInterpolation(documentVars, where);
        String params = RepoPaths.resolve(directory, "params.yaml").orElseThrow();
        try {
            if (tree.isDirectory(params) || tree.read(params).isPresent()) {
                scope = vars(directory, new Value.Str("params.yaml"), null, scope);
            }
            for (int index = 0; index < documentVars.size(); index++) {
                scope = vars(directory, documentVars.get(index), "vars[" + index + "]", scope);
            }
        } catch (ContextError e) {
            throw new Interpolator.ResolveException(e.failedToParse(where));
        }
        return scope;
    }

    /** DVC's {@code check_interpolations}: a {@code ${…}} anywhere in a {@code vars} list fails the revision. */
    private static void refuseInterpolation(List<Value> vars, String what) {
        if (vars.stream().anyMatch(Interpolator::interpolates)) {
            throw new Interpolator.ResolveException("failed to parse " + what + ": interpolating is not allowed");
        }
    }

    /**
     * Adds a {@code vars} entry as DVC's {@code Context.merge_from} does: a file, {@code file:key1,key2}, or inline
     * values; a file loaded whole already is skipped.
     *
     * @param inlineSource how DVC names inline values in its messages ({@code vars[0]}, {@code train.vars[1]})
     * @throws ContextError what DVC's {@code Context} refuses; the caller says where
     */
    private Scope vars(String directory, Value entry, String inlineSource, Scope scope)
            throws IOException, UnreadableFileException, ContextError {
        if (entry instanceof Value.Dict inline) {
            return scope.mergeInline(templatable(stringKeys(inline), inlineSource), inlineSource);
        }
        String written = entry.str();
        String[] fileAndKeys = written.split(":", 2);
        String file = path(directory, fileAndKeys[0]);
        List<String> keys = fileAndKeys.length == 1 || fileAndKeys[1].isEmpty() ? null : selectedKeys(fileAndKeys[1]);
        if (scope.imports().loadedWhole(file, keys)) {
            return scope;
        }
        scope.imports().check(file, written, keys);
        Value.Dict values = stringKeys(mapping(file));
        if (keys != null && !keys.isEmpty()) {
            Map<String, Value> selected = new LinkedHashMap<>();
            for (String key : keys) {
                if (!values.entries().containsKey(key)) {
                    throw paramsLoad("could not find '" + key + "' in '" + file + "'");
                }
                selected.put(key, values.entries().get(key));
            }
            values = new Value.Dict(selected);
        }
        return scope.mergeFile(templatable(values, file), file, written, keys);
    }

    /**
     * The top-level keys of a {@code file:key1,key2} entry as DVC's {@code Context.merge_from} splits them: on
     * {@code ,}, empty keys dropped, spaces kept ({@code a, c} names {@code " c"}); none selects the whole file.
     */
    private static List<String> selectedKeys(String keys) {
        return Arrays.stream(keys.split(",")).filter(key -> !key.isEmpty()).toList();
    }

    /**
     * A vars file's (or the templating {@code params.yaml}'s) values, as DVC's {@code Context.load_from} reads them: a
     * missing file, a directory, or a file whose top level is not a mapping is its {@code ParamsLoadError} ({@code
     * expected a dictionary, got 'list' in file 'params.yaml'}). A falsy document ({@code 0}, {@code []}) was read as
     * an empty mapping already, as DVC's loaders read it.
     */
    private Value.Dict mapping(String file) throws IOException, UnreadableFileException, ContextError {
        if (tree.isDirectory(file)) {
            throw paramsLoad("'" + file + "' is a directory");
        }
        Optional<byte[]> content = tree.read(file);
        if (content.isEmpty()) {
            throw paramsLoad("'" + file + "' does not exist");
        }
        Value values = reader.read(file, content.get());
        if (values instanceof Value.Dict dict) {
            return dict;
        }
        throw paramsLoad("expected a dictionary, got '" + PythonTypes.name(values) + "' in file '" + file + "'");
    }

    private static ContextError paramsLoad(String message) {
        return new ContextError(ContextError.Kind.PARAMS_LOAD, message);
    }

    /**
     * Refuses values a vars file cannot give the templating context, as DVC's {@code Context} does ({@code
     * dvc/parsing/context.py:_convert_with_meta}, 3.67.1): only None, numbers, strings, bytes, lists and dicts; the
     * first other value (a set, a tuple, a date or time, a complex number, {@code Ellipsis}) depth first fails the
     * revision with DVC's {@code TypeError}; inline {@code vars} entries are named as DVC names them ({@code vars[0]}).
     */
    private static Value.Dict templatable(Value.Dict values, String file) throws UnreadableFileException {
        Unsupported unsupported = unsupported(values, "");
        if (unsupported != null) {
            throw new UnreadableFileException(
                    "TypeError",
                    "Unsupported value of type '" + unsupported.type() + "' in '" + file + ":" + unsupported.path()
                            + "'");
        }
        return values;
    }

    /**
     * The values as DVC's context holds them: a key that is not a string ({@code 1:}, {@code true:}) is left out with
     * its value, unchecked ({@code CtxDict.__setitem__}, {@code dvc/parsing/context.py}), in lists too.
     */
    private static Value.Dict stringKeys(Value.Dict values) {
        Map<String, Value> kept = new LinkedHashMap<>();
        values.entries().forEach((key, value) -> {
            if (values.key(key) instanceof Value.Str) {
                kept.put(key, stringKeysInside(value));
            }
        });
        return new Value.Dict(kept);
    }

    private static Value stringKeysInside(Value value) {
        if (value instanceof Value.Dict dict) {
            return stringKeys(dict);
        }
        if (value instanceof Value.Seq seq) {
            return new Value.Seq(
                    seq.items().stream().map(DvcProjectLoader::stringKeysInside).toList(), seq.kind());
        }
        return value;
    }

    /** A value the templating context refuses: its Python type's name and its dotted path (list items by index). */
    private record Unsupported(String type, String path) {}

    /** The first value the context refuses, depth first, or null. */
    private static Unsupported unsupported(Value value, String path) {
        if (value instanceof Value.Seq seq && seq.kind() != Value.Seq.Kind.LIST
                || value instanceof Value.DateTime
                || value instanceof Value.Complex
                || value instanceof Value.Ellipsis) {
            return new Unsupported(PythonTypes.name(value), path);
        }
        if (value instanceof Value.Dict dict) {
            for (Map.Entry<String, Value> entry : dict.entries().entrySet()) {
                Unsupported found =
                        unsupported(entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (value instanceof Value.Seq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                Unsupported found = unsupported(seq.items().get(i), path + "." + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A YAML file if it exists; one that cannot be read fails with errorType, or with its own error when null. */
    private Optional<Value> readYaml(String path, String errorType) throws IOException, UnreadableFileException {
        Optional<byte[]> content = tree.read(path);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.read(path, content.get()));
        } catch (UnreadableFileException e) {
            if (errorType == null) {
                throw e;
            }
            throw new UnreadableFileException(errorType, e.getMessage());
        }
    }

    /**
     * A top-level list templated entry by entry, as DVC's {@code TopDefinition}s, which name the entry that fails
     * ({@code 'metrics.1' in 'dvc.yaml'}); DVC neither tracks their lookups (only a stage's are, {@code
     * context.track()} in {@code EntryDefinition.resolve_stage}) nor checks their types ({@code TopDefinition.resolve}).
     */
    private static List<Value> resolveEach(Value.Dict node, String field, Scope scope, String where) {
        List<Value> entries = list(node.entries().getOrDefault(field, Value.None.NONE));
        List<Value> resolved = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            resolved.add(resolve(
                    entries.get(index),
                    scope.values(),
                    null,
                    (name, found) -> {},
                    "'" + field + "." + index + "' in " + where));
        }
        return resolved;
    }

    /** A stage's field templated, failing as DVC names it ({@code 'stages.train.cmd' in 'dvc.yaml'}). */
    private Value resolveField(Value.Dict stage, String name, String field, Scope scope, String dvcYaml) {
        return resolve(
                stage.entries().getOrDefault(field, Value.None.NONE),
                scope.values(),
                field,
                (looked, found) -> track(scope, looked, found),
                "'stages." + name + "." + field + "' in " + dvcYaml);
    }

    /**
     * A value templated with the variables: the stage field it is, whose lookups are type-checked ({@code null} for
     * none), who is told the lookups, and what names it in the error ({@code 'stages.s.wdir' in 'dvc.yaml'}).
     */
    private static Value resolve(
            Value value, Value.Dict values, String field, BiConsumer<String, Value> lookups, String what) {
        try {
            return Interpolator.resolve(value, values, field, lookups);
        } catch (Interpolator.ResolveException e) {
            throw e.failedToParse(what);
        }
    }

    /**
     * Records the vars-file value a lookup used, as DVC's {@code Context._track_data} records the node it read: a
     * value or a list under its own path in the file ({@code l.1} for {@code l[-1]} or {@code l[01]} in a list leaf
     * {@code l} of two, {@code d.a} for {@code d[a]}, through {@code item} what it is bound to), a mapping not at all
     * ({@code Container.get_sources} is empty, {@code dvc/parsing/context.py}). DVC reports them as params of the file.
     */
    private void track(Scope scope, String name, Value found) {
        if (found instanceof Value.Dict) {
            return;
        }
        scope.origin(name).ifPresent(path -> scope.origins().forEach((leaf, file) -> {
            if (leaf.equals(path) || path.startsWith(leaf + ".")) {
                trackedVars
                        .computeIfAbsent(file, f -> new java.util.LinkedHashSet<>())
                        .add(path);
            }
        }));
    }

    /** A repository path; a path that leaves the repository is kept as written so that reading it fails. */
    private static String path(String directory, String written) {
        return RepoPaths.resolve(directory, written).orElse(directory.isEmpty() ? written : directory + "/" + written);
    }

    /**
     * The paths in the order of DVC's top-down walk ({@code os.walk}): a directory's own files before those of its
     * subdirectories, siblings by name (DVC takes them in the file system's order).
     */
    static List<String> topDown(List<String> paths) {
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(DvcProjectLoader::compareTopDown);
        return sorted;
    }

    private static int compareTopDown(String a, String b) {
        String[] left = a.split("/");
        String[] right = b.split("/");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftFile = i == left.length - 1;
            boolean rightFile = i == right.length - 1;
            if (leftFile != rightFile) {
                return leftFile ? -1 : 1;
            }
            int names = left[i].compareTo(right[i]);
            if (names != 0) {
                return names;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    /**
     * A {@code dvc.yaml} document: a mapping, or nothing (an empty file declares nothing, as in DVC); a list or a
     * scalar fails the revision as DVC's schema validation does.
     */
    private static Value.Dict document(String dvcYaml, Value value) throws UnreadableFileException {
        if (!(value instanceof Value.Dict) && !(value instanceof Value.None)) {
            throw new UnreadableFileException(
                    "YAMLValidationError",
                    "'" + dvcYaml + "' validation failed: expected a mapping of stages, metrics, params and plots,"
                            + " found " + (value instanceof Value.Seq ? "a list" : "a scalar"));
        }
        return dict(value);
    }

    private static Value.Dict dict(Value value) {
        return value instanceof Value.Dict dict ? dict : Value.Dict.empty();
    }

    private static List<Value> list(Value value) {
        if (value instanceof Value.Seq seq) {
            return seq.items();
        }
        return value instanceof Value.None ? List.of() : List.of(value);
    }
}
