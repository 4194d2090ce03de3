package io.jenkins.plugins.gputrain.core.engine;

import io.jenkins.plugins.gputrain.core.dvc.repo.DvcProject;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files a training run brings back from the pod for the report: {@code dvc.lock} and the metrics, params and
 * plots the project declares. Declared paths the run did not produce are skipped when copying.
 */
public final class ResultPaths {
    /** The lock file at the repository root. */
    public static final String LOCK_FILE = "dvc.lock";

    private ResultPaths() {}

    /**
     * Lists the result files of a project.
     *
     * @param project the project as read from the workspace
     * @return repository paths, sorted, without duplicates
     */
    public static List<String> of(DvcProject project) {
        TreeSet<String> paths = new TreeSet<>();
        paths.add(LOCK_FILE);
        Stream.of(project.stageMetrics(), project.plotOutputs())
                .flatMap(List::stream)
                .map(DvcProject.Output::path)
                .forEach(paths::add);
        Stream.of(project.stageParams(), project.trackedVars())
                .flatMap(List::stream)
                .map(DvcProject.ParamsDependency::file)
                .forEach(paths::add);
        paths.addAll(project.topLevelMetrics());
        paths.addAll(project.topLevelParams());
        project.topLevelPlots().stream().map(DvcProject.PlotDefinition::id).forEach(paths::add);
        return List.copyOf(paths);
    }
}
