package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.Flattener;
import io.jenkins.plugins.gputrain.core.dvc.diff.MetricsFilter;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one revision's metrics or params as DVC does: which files (§3 of the spec), each read from the revision's
 * tree or else from the DVC cache by its {@code dvc.lock} hash, each failure kept per file.
 */
final class RevisionReader {
    private static final String DEFAULT_PARAMS = "params.yaml";
    /** The root as a target names it. */
    private static final String ROOT = ".";

    private final String name;
    private final RepoTree tree;
    private final DvcCache cache;
    private final DataFileReader reader;
    private final DvcFileSystem fileSystem;

    RevisionReader(String name, RepoTree tree, DvcCache cache, DataFileReader reader) {
        this.name = name;
        this.tree = tree;
        this.fileSystem = new DvcFileSystem(tree);
        this.cache = cache;
        this.reader = reader;
    }

    /**
     * The revision's project, or its failure to load with an empty project: with targets DVC does not load the {@code
     * dvc.yaml} files ({@code metrics/show.py}, {@code params/show.py}: {@code if not targets …}), only its file
     * system does, for a directory or a file the tree lacks, and fails there as the loading does.
     */
    private Loaded load() {
        try {
            return new Loaded(new DvcProjectLoader(tree, reader).load(), null);
        } catch (UnreadableFileException e) {
            return new Loaded(DvcProject.empty(), new FileResult.Failure(e.type(), e.getMessage()));
        }
    }

    /**
     * A revision's project as loaded.
     *
     * @param project what its {@code dvc.yaml} files declare, empty when they fail to load
     * @param failure their failure, or null
     */
    private record Loaded(DvcProject project, FileResult.Failure failure) {}

    /** Only whether the revision's {@code dvc.yaml} files load: its failure, or no files. */
    RevisionData project() {
        Loaded loaded = load();
        return loaded.failure() == null ? RevisionData.of(name, Map.of()) : RevisionData.failed(name, loaded.failure());
    }

    RevisionData metrics(List<String> targets) {
        Loaded loaded = load();
        if (loaded.failure() != null && targets.isEmpty()) {
            return RevisionData.failed(name, loaded.failure());
        }
        DvcProject project = loaded.project();
        Set<String> paths = new LinkedHashSet<>();
        if (targets.isEmpty()) {
            project.stageMetrics().forEach(output -> paths.add(output.path()));
            paths.addAll(project.topLevelMetrics());
        } else {
            targets.forEach(target -> paths.add(targetPath(target)));
        }
        Map<String, FileResult> files = new LinkedHashMap<>();
        for (String path : expand(paths, loaded)) {
            files.put(path, read(path, loaded, true));
        }
        return RevisionData.of(name, files);
    }

    RevisionData params(List<String> targets, boolean stageDependenciesOnly) {
        Loaded loaded = load();
        if (loaded.failure() != null && targets.isEmpty()) {
            return RevisionData.failed(name, loaded.failure());
        }
        DvcProject project = loaded.project();
        Map<String, List<String>> keysByFile = new LinkedHashMap<>();
        if (targets.isEmpty()) {
            project.stageParams().forEach(dependency -> add(keysByFile, dependency.file(), dependency.keys()));
            if (!stageDependenciesOnly) {
                project.topLevelParams().forEach(file -> add(keysByFile, file, List.of()));
                if (exists(DEFAULT_PARAMS)) {
                    add(keysByFile, DEFAULT_PARAMS, List.of());
                }
            }
        } else {
            targets.forEach(target -> add(keysByFile, targetPath(target), List.of()));
        }
        // DVC's _collect_params expands a directory to the files below it, each with the directory's keys.
        Map<String, List<String>> keysByExpandedFile = new LinkedHashMap<>();
        keysByFile.forEach(
                (path, keys) -> expand(Set.of(path), loaded).forEach(file -> keysByExpandedFile.put(file, keys)));
        Set<String> trackedOnly = new LinkedHashSet<>();
        if (targets.isEmpty()) {
            project.trackedVars().stream()
                    .filter(tracked -> !keysByExpandedFile.containsKey(tracked.file()))
                    .toList()
                    .forEach(tracked -> {
                        keysByExpandedFile.put(tracked.file(), List.copyOf(tracked.keys()));
                        trackedOnly.add(tracked.file());
                    });
        }
        Map<String, FileResult> files = new LinkedHashMap<>();
        keysByExpandedFile.forEach((file, keys) -> {
            FileResult result = read(file, loaded, false);
            if (result instanceof FileResult.Data data && !keys.isEmpty()) {
                try {
                    Value selected =
                            trackedOnly.contains(file) ? tracked(data.value(), keys) : select(data.value(), keys);
                    result = unmergeable(selected).orElse(new FileResult.Data(selected));
                } catch (UnreadableFileException e) {
                    result = new FileResult.Failure(e.type(), e.getMessage());
                }
            }
            files.put(file, result);
        });
        return RevisionData.of(name, files);
    }

    /** DVC's {@code _merge_params}: a file listed whole anywhere is read whole; else the key lists add up. */
    private static void add(Map<String, List<String>> keysByFile, String file, List<String> keys) {
        List<String> existing = keysByFile.get(file);
        if (existing == null) {
            keysByFile.put(file, new ArrayList<>(keys));
        } else if (!existing.isEmpty()) {
            if (keys.isEmpty()) {
                existing.clear();
            } else {
                keys.stream().filter(k -> !existing.contains(k)).forEach(existing::add);
            }
        }
    }

    /** DVC's {@code fs.exists}: an ignored {@code params.yaml} is not read. */
    private boolean exists(String path) {
        try {
            return fileSystem.exists(path);
        } catch (IOException e) {
            return true;
        }
    }

    /** A target as DVC names it: normalized, the root {@code .}; one outside the repository as given. */
    private static String targetPath(String target) {
        return RepoPaths.resolve("", target)
                .map(path -> path.isEmpty() ? ROOT : path)
                .orElse(target);
    }

    /** The tree's path of a target ({@code ""} for the root). */
    private static String treePath(String path) {
        return path.equals(ROOT) ? "" : path;
    }

    /**
     * DVC's {@code try_expand_paths}: a directory DVC does not ignore (the root too) is the files it lists below it;
     * where the project failed to load nothing is expanded (DVC's {@code isdir} fails as the loading does, and it
     * reads the directory as a file).
     */
    private List<String> expand(Set<String> paths, Loaded loaded) {
        List<String> expanded = new ArrayList<>();
        for (String path : paths) {
            try {
                String directory = treePath(path);
                boolean inside = RepoPaths.resolve("", path).isPresent();
                if (loaded.failure() == null && inside && fileSystem.isDirectory(directory)) {
                    expanded.addAll(fileSystem.filesUnder(directory));
                    continue;
                }
            } catch (IOException e) {
                // read() reports the problem for this path
            }
            expanded.add(path);
        }
        return expanded.stream().distinct().toList();
    }

    /**
     * One file: from the tree, else (for an output {@code dvc.lock} records) from the DVC cache; a directory is
     * Python's {@code IsADirectoryError}; a file the tree lacks where the project failed to load is that failure, as
     * DVC's file system meets it looking the file up in the project.
     */
    private FileResult read(String path, Loaded loaded, boolean metrics) {
        Optional<String> normalized = RepoPaths.resolve("", path);
        String file = treePath(path);
        if (normalized.isEmpty() || !normalized.get().equals(file)) {
            return new FileResult.Failure("PathError", "'" + path + "' is outside the repository; not read");
        }
        try {
            Optional<byte[]> content = new RevisionFiles(tree, cache, loaded.project()).read(file);
            if (content.isEmpty() && tree.isDirectory(file)) {
                return new FileResult.Failure("IsADirectoryError", "[Errno 21] Is a directory: '" + path + "'");
            }
            if (content.isEmpty() && loaded.failure() != null) {
                return loaded.failure();
            }
            if (content.isEmpty()) {
                return new FileResult.Failure(
                        "FileNotFoundError", "[Errno 2] No such file or directory: '" + path + "'");
            }
            Value value = reader.read(path, content.get());
            if (metrics) {
                value = MetricsFilter.extract(value);
            }
            if (value instanceof Value.Dict dict) {
                Flattener.flatten(dict);
            }
            return new FileResult.Data(value);
        } catch (UnreadableFileException e) {
            return new FileResult.Failure(e.type(), e.getMessage());
        } catch (Flattener.DuplicatedKeyException e) {
            return new FileResult.Failure("ValueError", "unable to read: '" + path + "', " + e.getMessage());
        } catch (IOException e) {
            return new FileResult.Failure("OSError", "unable to read: '" + path + "', " + e.getMessage());
        }
    }

    /**
     * The subtrees of a params file that the keys name ({@code dpath.search}, {@code .}-separated): each part a glob
     * of Python's {@code fnmatch} on a dict key ({@code *}, {@code k?}, {@code k[12]}), or in a list an index ({@code
     * a.1}, negative from the end) or a glob on the index as text; a list keeps the
     * selected items at their indices, padded with {@code None} ({@code [None, 20]}); missing keys are left out. As
     * dpath's {@code _split_path}, leading dots are dropped ({@code .a} is {@code a}) and a trailing one leaves an
     * empty last part ({@code a.} and {@code a.1.} select nothing).
     *
     * @throws UnreadableFileException where dpath's merge fails on keys that are not strings ({@link DpathMerge}),
     *     or when the first value a key selects lies in a tuple or a set (a {@code .py}
     *     params file's {@code X = (1, 2)} with the key {@code X.0}): dpath walks into both but cannot copy out of them,
     *     and DVC fails the file with Python's {@code TypeError}; a set on the way wins, as dpath's {@code types}
     *     subscripts every container on the path before {@code set} assigns into the tuple
     */
    static Value select(Value value, List<String> keys) throws UnreadableFileException {
        Map<String, Value> selected = new LinkedHashMap<>();
        Map<String, Value> selectedKeys = new LinkedHashMap<>();
        for (String key : new LinkedHashSet<>(keys)) {
            String[] parts = key.replaceFirst("^\\.+", "").split("\\.", -1);
            Value found = subtree(value, parts, 0, Value.Seq.Kind.LIST);
            if (found instanceof Value.Dict dict) {
                DpathMerge.check(selected, dict);
                merge(selected, dict.entries());
                dict.keys().forEach(selectedKeys::putIfAbsent);
            }
        }
        return new Value.Dict(selected, selectedKeys);
    }

    /**
     * The values stages interpolated from a vars file, each under its dotted name as looked up ({@code l.1}, {@code
     * x*}): DVC keeps {@code stage.tracked_vars} as a flat mapping of what {@code Context.track} recorded, no glob.
     */
    static Value tracked(Value value, List<String> keys) {
        Map<String, Value> found = new LinkedHashMap<>();
        for (String key : keys) {
            Value node = value;
            for (String part : key.split("\\.", -1)) {
                node = child(node, part);
                if (node == null) {
                    break;
                }
            }
            if (node != null) {
                found.put(key, node);
            }
        }
        return new Value.Dict(found);
    }

    /** A mapping's entry or a list's item by its index as written, or null. */
    private static Value child(Value node, String part) {
        if (node instanceof Value.Dict dict) {
            return dict.entries().get(part);
        }
        if (node instanceof Value.Seq seq
                && part.matches("\\d{1,9}")
                && Integer.parseInt(part) < seq.items().size()) {
            return seq.items().get(Integer.parseInt(part));
        }
        return null;
    }

    /**
     * What of node the parts from index on select: a dict, a list, or null for nothing.
     *
     * @param crossed the kinds of sequence on the way to node: {@code LIST} for lists only (or none), else {@code
     *     SET} if a set, else {@code TUPLE}
     */
    private static Value subtree(Value node, String[] parts, int index, Value.Seq.Kind crossed)
            throws UnreadableFileException {
        String part = parts[index];
        boolean last = index == parts.length - 1;
        if (node instanceof Value.Dict dict) {
            Map<String, Value> result = new LinkedHashMap<>();
            for (Map.Entry<String, Value> entry : dict.entries().entrySet()) {
                if (matchesKey(dict.key(entry.getKey()), part)) {
                    Value below = last
                            ? found(entry.getValue(), crossed)
                            : subtree(entry.getValue(), parts, index + 1, crossed);
                    if (below != null) {
                        result.put(entry.getKey(), below);
                    }
                }
            }
            return result.isEmpty() ? null : new Value.Dict(result, dict.keys());
        }
        if (node instanceof Value.Seq seq) {
            Value.Seq.Kind through = through(crossed, seq.kind());
            List<Value> result = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                if (!matchesIndex(part, i, seq.items().size())) {
                    continue;
                }
                Value child = seq.items().get(i);
                Value below = last ? found(child, through) : subtree(child, parts, index + 1, through);
                if (below != null) {
                    while (result.size() < i) {
                        result.add(Value.None.NONE);
                    }
                    result.add(below);
                }
            }
            return result.isEmpty() ? null : Value.Seq.list(result);
        }
        return null;
    }

    /** A selected value, refused when a tuple or set holds it or one of its containers. */
    private static Value found(Value value, Value.Seq.Kind crossed) throws UnreadableFileException {
        if (crossed == Value.Seq.Kind.SET) {
            throw new UnreadableFileException("TypeError", "'set' object is not subscriptable");
        }
        if (crossed == Value.Seq.Kind.TUPLE) {
            throw new UnreadableFileException("TypeError", "'tuple' object does not support item assignment");
        }
        return value;
    }

    /** The kinds crossed once a sequence of this kind is entered: a set outweighs a tuple, a tuple a list. */
    private static Value.Seq.Kind through(Value.Seq.Kind crossed, Value.Seq.Kind entered) {
        if (crossed == Value.Seq.Kind.SET || entered == Value.Seq.Kind.SET) {
            return Value.Seq.Kind.SET;
        }
        return crossed == Value.Seq.Kind.TUPLE || entered == Value.Seq.Kind.TUPLE ? Value.Seq.Kind.TUPLE : crossed;
    }

    /**
     * dpath's {@code match} on a dict key: a string by {@code fnmatchcase}; an {@code int} or {@code bool} equal to
     * the part as Python's {@code int()} reads it ({@code 1} and {@code 01} select {@code true:}), any other number
     * the part reads as none, a part {@code int()} refuses a glob on its {@code str()} ({@code T*}); a float, {@code
     * None} or other key never, as {@code fnmatchcase} raises on it and dpath takes that for no match.
     */
    private static boolean matchesKey(Value key, String part) {
        if (key instanceof Value.Str text) {
            return Fnmatch.matches(text.value(), part);
        }
        if (!(key instanceof Value.Int || key instanceof Value.Bool)) {
            return false;
        }
        if (!PYTHON_INT.matcher(part.strip()).matches()) {
            return Fnmatch.matches(key.str(), part);
        }
        BigInteger number =
                key instanceof Value.Int i ? i.value() : ((Value.Bool) key).value() ? BigInteger.ONE : BigInteger.ZERO;
        return number.equals(pythonInt(part));
    }

    /** A part Python's {@code int()} reads ({@link #PYTHON_INT}): sign, underscores, any Unicode decimal digits. */
    private static BigInteger pythonInt(String part) {
        String digits = part.strip().replace("_", "");
        return new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
    }

    /**
     * dpath's {@code match} on a list index: the part as Python's {@code int()} reads it equal to the index or,
     * negative, to the index counted from the end ({@code ListIndex.__eq__}); a part {@code int()} refuses is a glob
     * on the index as text ({@code *}, {@code 0*}, {@code [01]}).
     */
    private static boolean matchesIndex(String part, int index, int length) {
        if (!PYTHON_INT.matcher(part.strip()).matches()) {
            return Fnmatch.matches(String.valueOf(index), part);
        }
        BigInteger number = pythonInt(part);
        return number.equals(BigInteger.valueOf(index))
                || number.add(BigInteger.valueOf(length)).equals(BigInteger.valueOf(index));
    }

    /**
     * A decimal integer as Python's {@code int()} takes it from a string: sign, underscores between digits, the
     * digits of any script ({@code ١} is 1: Unicode's decimal digits, {@code \p{Nd}}).
     */
    private static final java.util.regex.Pattern PYTHON_INT =
            java.util.regex.Pattern.compile("[+-]?\\d+(_\\d+)*", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * DVC merges the selected subtrees with {@code dpath.merge}, which fails on the first non-empty tuple or set it
     * walks into; that file is then an error in that revision (Python's message).
     */
    static Optional<FileResult> unmergeable(Value value) {
        if (value instanceof Value.Seq seq && !seq.items().isEmpty()) {
            if (seq.kind() == Value.Seq.Kind.TUPLE) {
                return Optional.of(
                        new FileResult.Failure("AttributeError", "'tuple' object has no attribute 'extend'"));
            }
            if (seq.kind() == Value.Seq.Kind.SET) {
                return Optional.of(new FileResult.Failure("TypeError", "'set' object is not subscriptable"));
            }
            return seq.items().stream()
                    .map(RevisionReader::unmergeable)
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        if (value instanceof Value.Dict dict) {
            return dict.entries().values().stream()
                    .map(RevisionReader::unmergeable)
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        return Optional.empty();
    }

    private static void merge(Map<String, Value> into, Map<String, Value> from) {
        from.forEach((key, value) -> {
            Value existing = into.get(key);
            if (existing instanceof Value.Dict a && value instanceof Value.Dict b) {
                Map<String, Value> merged = new LinkedHashMap<>(a.entries());
                merge(merged, b.entries());
                Map<String, Value> keys = new LinkedHashMap<>(a.keys());
                b.keys().forEach(keys::putIfAbsent);
                into.put(key, new Value.Dict(merged, keys));
            } else if (isList(existing) && isList(value)) {
                // dpath.merge (MergeType.ADDITIVE): target += found
                List<Value> joined = new ArrayList<>(((Value.Seq) existing).items());
                joined.addAll(((Value.Seq) value).items());
                into.put(key, Value.Seq.list(joined));
            } else {
                into.put(key, value);
            }
        });
    }

    private static boolean isList(Value value) {
        return value instanceof Value.Seq seq && seq.kind() == Value.Seq.Kind.LIST;
    }
}
