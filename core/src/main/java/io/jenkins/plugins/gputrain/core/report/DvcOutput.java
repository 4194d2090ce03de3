package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.DiffOutcome;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.render.DvcJsonAdapter;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What DVC itself printed for a report, when it runs where the workspace is ({@code publishDvcMetrics(engine: 'dvc')}):
 * the three commands' JSON, used instead of gpu-train's own diffs (plots are still drawn by gpu-train).
 *
 * @param metricsDiff the output of {@link #METRICS_DIFF} with the baseline appended
 * @param paramsDiff the output of {@link #PARAMS_DIFF} with the baseline appended
 * @param metricsShow the output of {@link #METRICS_SHOW}
 */
public record DvcOutput(String metricsDiff, String paramsDiff, String metricsShow) implements Serializable {
    /** Succeeds when DVC is on the PATH. */
    public static final List<String> VERSION = List.of("dvc", "--version");

    /** The metrics diff against a revision, which is appended. */
    public static final List<String> METRICS_DIFF = List.of("dvc", "metrics", "diff", "--json");

    /** The params diff against a revision, which is appended. */
    public static final List<String> PARAMS_DIFF = List.of("dvc", "params", "diff", "--json");

    /** The workspace's metrics. */
    public static final List<String> METRICS_SHOW = List.of("dvc", "metrics", "show", "--json");

    /**
     * Checks that each command printed the JSON DVC prints.
     *
     * @throws IOException naming the command whose output is not that JSON
     */
    public void requireJson() throws IOException {
        metrics();
        params();
        currentMetrics();
    }

    /** The metrics diff as gpu-train's engine would give it. */
    DiffOutcome metrics() throws IOException {
        return new DiffOutcome(diff(METRICS_DIFF, metricsDiff), List.of());
    }

    /** The params diff as gpu-train's engine would give it. */
    DiffOutcome params() throws IOException {
        return new DiffOutcome(diff(PARAMS_DIFF, paramsDiff), List.of());
    }

    /** The workspace's metrics as gpu-train's engine would read them. */
    RevisionData currentMetrics() throws IOException {
        try {
            return new DvcJsonAdapter()
                    .metricsShow(metricsShow).stream()
                            .filter(revision -> revision.name().equals(DvcRepository.WORKSPACE))
                            .findFirst()
                            .orElse(RevisionData.of(DvcRepository.WORKSPACE, Map.of()));
        } catch (UnreadableFileException e) {
            throw notJson(METRICS_SHOW, e);
        }
    }

    private static List<FileDifferences> diff(List<String> command, String json) throws IOException {
        try {
            return new DvcJsonAdapter().diff(json);
        } catch (UnreadableFileException e) {
            throw notJson(command, e);
        }
    }

    private static IOException notJson(List<String> command, UnreadableFileException e) {
        return new IOException(
                "'" + String.join(" ", command) + "' did not print its JSON (" + e.getMessage() + ")", e);
    }
}
