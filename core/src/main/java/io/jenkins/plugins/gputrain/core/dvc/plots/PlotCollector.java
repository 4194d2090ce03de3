package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.repo.DvcProject;
import io.jenkins.plugins.gputrain.core.dvc.repo.RepoPaths;
import io.jenkins.plugins.gputrain.core.dvc.repo.RepoTree;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the plots one revision defines: top-level {@code plots:} (paths, directories, or free ids whose {@code y}
 * names the files) and stage {@code plots:} outputs; directories expand to every file below them.
 */
public final class PlotCollector {
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
        Map<String, PlotSource> plots = new LinkedHashMap<>();
        for (DvcProject.PlotDefinition definition : project.topLevelPlots()) {
            String directory = RepoPaths.parent(definition.config());
            Value y = definition.props().get("y");
            if (y instanceof Value.Dict files) {
                Set<String> sources = new LinkedHashSet<>();
                files.entries().keySet().forEach(file -> RepoPaths.resolve(directory, file)
                        .ifPresent(sources::add));
                Value x = definition.props().get("x");
                if (x instanceof Value.Dict xFiles && !xFiles.entries().isEmpty()) {
                    RepoPaths.resolve(
                                    directory,
                                    xFiles.entries().keySet().iterator().next())
                            .ifPresent(sources::add);
                }
                plots.putIfAbsent(
                        definition.id(),
                        new PlotSource(definition.id(), List.copyOf(sources), adjusted(definition.props(), directory)));
            } else {
                RepoPaths.resolve(directory, definition.id())
                        .ifPresent(path -> expand(tree, path, definition.props(), plots));
            }
        }
        for (DvcProject.Output output : project.plotOutputs()) {
            expand(tree, output.path(), output.props(), plots);
        }
        return List.copyOf(plots.values());
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

    private static void expand(RepoTree tree, String path, Map<String, Value> props, Map<String, PlotSource> plots) {
        List<String> files = new ArrayList<>();
        try {
            files.addAll(tree.isDirectory(path) ? tree.filesUnder(path) : List.of(path));
        } catch (IOException e) {
            files.add(path);
        }
        for (String file : files) {
            plots.putIfAbsent(file, new PlotSource(file, List.of(file), props));
        }
    }
}
