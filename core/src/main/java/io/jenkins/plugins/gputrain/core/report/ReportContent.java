package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.plots.RenderedPlot;
import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import java.util.List;
import java.util.Optional;

/**
 * What a training report shows, before it is written as Markdown or HTML.
 *
 * @param baseline the baseline revision as given
 * @param current the compared revision ({@code workspace})
 * @param noBaseline why there is no baseline, or {@code null} when there is one
 * @param params the params diff table
 * @param metrics the metrics diff table
 * @param currentMetrics the current metrics ({@code metrics show})
 * @param plots the plots written
 * @param warnings DVC-style one-line warnings about unreadable files
 * @param details one line per unreadable file
 * @param unreadableMetrics the lines of {@code details} about metrics files
 * @param currentValues the current numeric metrics, for trends
 * @param gates the quality gates' results (none when no gate was given)
 */
public record ReportContent(
        String baseline,
        String current,
        String noBaseline,
        Table params,
        Table metrics,
        Table currentMetrics,
        List<RenderedPlot> plots,
        List<String> warnings,
        List<String> details,
        List<String> unreadableMetrics,
        List<MetricValue> currentValues,
        QualityGateReport gates) {
    /** Copies the lists. */
    public ReportContent {
        plots = List.copyOf(plots);
        warnings = List.copyOf(warnings);
        details = List.copyOf(details);
        unreadableMetrics = List.copyOf(unreadableMetrics);
        currentValues = List.copyOf(currentValues);
    }

    /** Why there is no baseline, if there is none. */
    public Optional<String> optionalNoBaseline() {
        return Optional.ofNullable(noBaseline);
    }
}
