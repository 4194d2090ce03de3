package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.repo.DvcFileSystem;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcProject;
import io.jenkins.plugins.gputrain.core.dvc.repo.RepoPaths;
import io.jenkins.plugins.gputrain.core.dvc.repo.RepoTree;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects the plots one revision defines: top-level {@code plots:} (paths, directories, or free ids whose {@code y}
 * names the files) and stage {@code plots:} outputs; directories expand to the files DVC lists below them
 * ({@link DvcFileSystem}: what DVC ignores left out). As DVC 3.67.1's
 * {@code _resolve_definitions} ({@code dvc/repo/plots/__init__.py}) and {@code group_definitions_by_id}
 * ({@code dvc/utils/plots.py}) do: an id a {@code dvc.yaml} defines twice keeps its last definition (at its first
 * place), a file under two directories it defines takes the nearest one's, and an id that several {@code dvc.yaml}
 * files (or one and the stage outputs) define is one plot per file, {@code <dvc.yaml path>::<id>} (the stage outputs'
 * keeping the bare id).
 */
public final class PlotCollector {
    /** The stage outputs' group, DVC's {@code ""} config. */
    private static final String OUTPUTS = "";

    private PlotCollector() {}

    /**
     * Collects the plots.
     *
     * @param tree the revision's files
     * @param project what its dvc.yaml files declare
     * @return the plots, each id once
     * @throws IOException when the tree cannot be listed
     */
    public static List<PlotSource> collect(RepoTree tree, DvcProject project) throws IOException {
        DvcFileSystem fileSystem = new DvcFileSystem(tree);
        Map<String, Map<String, DvcProject.PlotDefinition>> byConfig = new LinkedHashMap<>();
        for (DvcProject.PlotDefinition definition : project.topLevelPlots()) {
            byConfig.computeIfAbsent(definition.config(), config -> new LinkedHashMap<>())
                    .put(definition.id(), definition);
        }
        Map<String, Map<String, PlotSource>> byId = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, DvcProject.PlotDefinition>> config : byConfig.entrySet()) {
            resolved(fileSystem, config.getKey(), config.getValue().values())
                    .forEach((id, plot) -> byId.computeIfAbsent(id, key -> new LinkedHashMap<>())
                            .put(config.getKey(), plot));
        }
        Map<String, PlotSource> outputs = new LinkedHashMap<>();
        for (DvcProject.Output output : project.plotOutputs()) {
            expand(fileSystem, output.path(), output.props(), List.of(), outputs);
        }
        outputs.forEach((id, plot) ->
                byId.computeIfAbsent(id, key -> new LinkedHashMap<>()).put(OUTPUTS, plot));
        List<PlotSource> plots = new ArrayList<>();
        byId.forEach((id, configs) -> configs.forEach((config, plot) -> plots.add(
                configs.size() == 1 || config.equals(OUTPUTS)
                        ? plot
                        : new PlotSource(config + "::" + id, plot.files(), plot.props()))));
        return List.copyOf(plots);
    }

    /** One {@code dvc.yaml}'s plots by id, each its last definition. */
    private static Map<String, PlotSource> resolved(
            DvcFileSystem fileSystem, String config, Collection<DvcProject.PlotDefinition> definitions) {
        String directory = RepoPaths.parent(config);
        List<String> parents = definitions.stream()
                .map(definition -> RepoPaths.resolve(directory, definition.id()).orElse(definition.id()))
                .toList();
        Map<String, PlotSource> plots = new LinkedHashMap<>();
        for (DvcProject.PlotDefinition definition : definitions) {
            if (definition.props().get("y") instanceof Value.Dict) {
                put(plots, definition.id(), adjusted(definition.props(), directory));
            } else {
                RepoPaths.resolve(directory, definition.id())
                        .ifPresent(path -> expand(fileSystem, path, definition.props(), parents, plots));
            }
        }
        return plots;
    }

    /**
     * The properties with the files {@code x} and {@code y} map fields for as repository paths, as DVC 3.67.1's
     * {@code _adjust_sources} ({@code dvc/repo/plots/__init__.py}) joins them to the dvc.yaml's directory: a plot's
     * file then takes the fields of the key that is its path, never those of a key it merely ends with.
     */
    private static Map<String, Value> adjusted(Map<String, Value> props, String directory) {
        Map<String, Value> result = new LinkedHashMap<>(props);
        for (String axis : List.of("x", "y")) {
            if (props.get(axis) instanceof Value.Dict byFile) {
                Map<String, Value> files = new LinkedHashMap<>();
                byFile.entries()
                        .forEach((file, fields) ->
                                files.put(RepoPaths.resolve(directory, file).orElse(file), fields));
                result.put(axis, new Value.Dict(files));
            }
        }
        return result;
    }

    /**
     * A path plot: a file, or every file below a directory that has no nearer definition among {@code parents} (DVC's
     * {@code _closest_parent}), each {@linkplain #put put} under its path.
     */
    private static void expand(
            DvcFileSystem fileSystem,
            String path,
            Map<String, Value> props,
            List<String> parents,
            Map<String, PlotSource> plots) {
        List<String> files = new ArrayList<>();
        try {
            files.addAll(fileSystem.isDirectory(path) ? fileSystem.filesUnder(path) : List.of(path));
        } catch (IOException e) {
            files.add(path);
        }
        for (String file : files) {
            if (!closestParent(file, parents).map(path::equals).orElse(true)) {
                continue;
            }
            put(plots, file, props);
        }
    }

    /**
     * A plot under its data key: a key defined again (one file under two ids, {@code m.csv} and {@code ./m.csv}, or a
     * free id that is also a file's path) takes the earlier properties merged with the later ones, as DVC's {@code
     * dpath.merge} of the definitions does, and its data files are inferred from the merged properties.
     */
    private static void put(Map<String, PlotSource> plots, String key, Map<String, Value> props) {
        PlotSource before = plots.get(key);
        Map<String, Value> merged = before == null ? props : merged(before.props(), props);
        plots.put(key, new PlotSource(key, sources(key, merged), merged));
    }

    /**
     * A plot's data files as DVC 3.67.1's {@code infer_data_sources} ({@code dvc/repo/plots/__init__.py}) takes them
     * from its properties: the files a {@code y} mapping names (those inside the repository), else the plot's own
     * file; and the first file of an {@code x} mapping, as written.
     */
    static List<String> sources(String key, Map<String, Value> props) {
        Set<String> sources = new LinkedHashSet<>();
        if (props.get("y") instanceof Value.Dict files) {
            files.entries().keySet().stream()
                    .filter(file -> RepoPaths.resolve("", file).isPresent())
                    .forEach(sources::add);
        } else {
            sources.add(key);
        }
        if (props.get("x") instanceof Value.Dict xFiles && !xFiles.entries().isEmpty()) {
            sources.add(xFiles.entries().keySet().iterator().next());
        }
        return List.copyOf(sources);
    }

    /**
     * A file's properties defined again, merged as DVC's {@code dpath.merge} merges them (additive): mappings key by
     * key, lists joined ({@code y: [a]} then {@code y: [b]} is {@code [a, b]}), anything else the later value.
     */
    static Map<String, Value> merged(Map<String, Value> earlier, Map<String, Value> later) {
        Map<String, Value> merged = new LinkedHashMap<>(earlier);
        later.forEach((key, value) -> merged.merge(key, value, PlotCollector::merged));
        return merged;
    }

    private static Value merged(Value earlier, Value later) {
        if (earlier instanceof Value.Dict before && later instanceof Value.Dict after) {
            return new Value.Dict(merged(before.entries(), after.entries()));
        }
        if (earlier instanceof Value.Seq before
                && later instanceof Value.Seq after
                && before.kind() == Value.Seq.Kind.LIST
                && after.kind() == Value.Seq.Kind.LIST) {
            List<Value> items = new ArrayList<>(before.items());
            items.addAll(after.items());
            return Value.Seq.list(items);
        }
        return later;
    }

    /** The longest path a file has in common with one of the parents, empty without parents. */
    private static Optional<String> closestParent(String file, List<String> parents) {
        String best = null;
        for (String parent : parents) {
            String common = commonPath(file, parent);
            if (best == null || common.length() > best.length()) {
                best = common;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Python's {@code posixpath.commonpath} of two relative paths. */
    private static String commonPath(String left, String right) {
        String[] a = left.split("/");
        String[] b = right.split("/");
        List<String> common = new ArrayList<>();
        for (int i = 0; i < Math.min(a.length, b.length) && a[i].equals(b[i]); i++) {
            common.add(a[i]);
        }
        return String.join("/", common);
    }
}
