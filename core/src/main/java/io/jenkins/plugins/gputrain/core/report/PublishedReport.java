package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What a build keeps of its report: the tables and numbers shown on the build page and in trends, and the files
 * written, relative to the workspace. It travels from the agent by Java serialization; the Jenkins layer copies it
 * into its own build action. It holds no secret (only what the metrics and params files say).
 *
 * @param baseline the baseline revision compared with
 * @param noBaseline why there is no baseline, or {@code null}
 * @param metrics the metrics diff table
 * @param params the params diff table
 * @param currentMetrics the current metrics ({@code metrics show}), which the check shows without a baseline
 * @param warnings DVC-style warnings about unreadable files
 * @param details one line per unreadable file
 * @param unreadableMetrics the lines of {@code details} about metrics files
 * @param currentValues the current numeric metrics
 * @param files the files written, relative to the workspace
 * @param gates the quality gates' results (none when no gate was given)
 */
public record PublishedReport(
        String baseline,
        String noBaseline,
        Table metrics,
        Table params,
        Table currentMetrics,
        List<String> warnings,
        List<String> details,
        List<String> unreadableMetrics,
        List<MetricValue> currentValues,
        List<String> files,
        QualityGateReport gates)
        implements Serializable {

    /** Copies the lists. */
    public PublishedReport {
        warnings = List.copyOf(warnings);
        details = List.copyOf(details);
        unreadableMetrics = List.copyOf(unreadableMetrics);
        currentValues = List.copyOf(currentValues);
        files = List.copyOf(files);
    }

    /**
     * What a written report shows.
     *
     * @param content the report
     * @param files the files written, relative to the workspace
     * @return the summary
     */
    public static PublishedReport of(ReportContent content, List<String> files) {
        return new PublishedReport(
                content.baseline(),
                content.noBaseline(),
                content.metrics(),
                content.params(),
                content.currentMetrics(),
                content.warnings(),
                content.details(),
                content.unreadableMetrics(),
                content.currentValues(),
                files,
                content.gates());
    }

    /** Why there is no baseline, if there is none. */
    public Optional<String> optionalNoBaseline() {
        return Optional.ofNullable(noBaseline);
    }

    /** Whether a metrics file is missing or could not be read, in the workspace or the baseline. */
    public boolean hasUnreadableMetrics() {
        return !unreadableMetrics.isEmpty();
    }
}
