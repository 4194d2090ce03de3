package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.List;
import java.util.Map;

/**
 * What the {@code dvc.yaml} and {@code dvc.lock} files of one revision declare, with every path resolved to a
 * repository path.
 *
 * @param stageMetrics metrics outputs of stages
 * @param topLevelMetrics top-level {@code metrics:} entries
 * @param stageParams {@code params:} dependencies of stages
 * @param topLevelParams top-level {@code params:} files
 * @param plotOutputs plots outputs of stages
 * @param topLevelPlots top-level {@code plots:} definitions
 * @param locked cached outputs by path, from the {@code dvc.lock} files
 * @param trackedVars values stages interpolate from vars files, as params of those files (dotted keys)
 */
public record DvcProject(
        List<Output> stageMetrics,
        List<String> topLevelMetrics,
        List<ParamsDependency> stageParams,
        List<String> topLevelParams,
        List<Output> plotOutputs,
        List<PlotDefinition> topLevelPlots,
        Map<String, LockedOutput> locked,
        List<ParamsDependency> trackedVars) {

    /** Copies the collections. */
    public DvcProject {
        stageMetrics = List.copyOf(stageMetrics);
        topLevelMetrics = List.copyOf(topLevelMetrics);
        stageParams = List.copyOf(stageParams);
        topLevelParams = List.copyOf(topLevelParams);
        plotOutputs = List.copyOf(plotOutputs);
        topLevelPlots = List.copyOf(topLevelPlots);
        locked = Map.copyOf(locked);
        trackedVars = List.copyOf(trackedVars);
    }

    /** A project that declares nothing: what a revision is read with when only targets are asked for. */
    public static DvcProject empty() {
        return new DvcProject(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    /**
     * A stage output declared under {@code metrics:} or {@code plots:}.
     *
     * @param path the repository path
     * @param cached whether DVC caches it ({@code cache: false} outputs are in Git)
     * @param props plot properties ({@code x}, {@code y}, {@code template}, …); empty for metrics
     */
    public record Output(String path, boolean cached, Map<String, Value> props) {
        /** Copies the props. */
        public Output {
            props = Map.copyOf(props);
        }
    }

    /**
     * A stage's {@code params:} entry.
     *
     * @param file the params file's repository path
     * @param keys dotted keys, or empty for the whole file
     */
    public record ParamsDependency(String file, List<String> keys) {
        /** Copies the keys. */
        public ParamsDependency {
            keys = List.copyOf(keys);
        }
    }

    /**
     * A top-level plot definition.
     *
     * @param id the plot id: a path, or a free name with {@code y} naming files
     * @param config the {@code dvc.yaml} that defines it
     * @param props the definition's properties
     */
    public record PlotDefinition(String id, String config, Map<String, Value> props) {
        /** Copies the props. */
        public PlotDefinition {
            props = Map.copyOf(props);
        }
    }

    /**
     * A cached output as {@code dvc.lock} records it.
     *
     * @param md5 the content hash
     * @param dvc3 whether the entry says {@code hash: md5} (DVC 3 cache layout)
     */
    public record LockedOutput(String md5, boolean dvc3) {}
}
