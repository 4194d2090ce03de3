package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a build keeps of its report: the tables and numbers shown on the build page and in trends, and the files
 * written, relative to the workspace. Plain strings and numbers only, so that it can travel from the agent and be
 * saved with the build; it holds no secret (only what the metrics and params files say).
 *
 * @param baseline the baseline revision compared with
 * @param noBaseline why there is no baseline, or {@code null}
 * @param metricsHeaders the metrics diff table's headers
 * @param metricsRows its rows
 * @param paramsHeaders the params diff table's headers
 * @param paramsRows its rows
 * @param warnings DVC-style warnings about unreadable files
 * @param details one line per unreadable file
 * @param unreadableMetrics the lines of {@code details} about metrics files
 * @param currentValues the current numeric metrics
 * @param files the files written, relative to the workspace
 */
public record PublishedReport(
        String baseline,
        String noBaseline,
        List<String> metricsHeaders,
        List<List<String>> metricsRows,
        List<String> paramsHeaders,
        List<List<String>> paramsRows,
        List<String> warnings,
        List<String> details,
        List<String> unreadableMetrics,
        List<MetricValue> currentValues,
        List<String> files)
        implements Serializable {

    /** Copies every list into a serializable one. */
    public PublishedReport {
        metricsHeaders = new ArrayList<>(metricsHeaders);
        metricsRows = rows(metricsRows);
        paramsHeaders = new ArrayList<>(paramsHeaders);
        paramsRows = rows(paramsRows);
        warnings = new ArrayList<>(warnings);
        details = new ArrayList<>(details);
        unreadableMetrics = new ArrayList<>(unreadableMetrics);
        currentValues = new ArrayList<>(currentValues);
        files = new ArrayList<>(files);
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
                content.metrics().headers(),
                content.metrics().rows(),
                content.params().headers(),
                content.params().rows(),
                content.warnings(),
                content.details(),
                content.unreadableMetrics(),
                content.currentValues(),
                files);
    }

    /** The metrics diff as a table. */
    public Table metrics() {
        return new Table(metricsHeaders, metricsRows);
    }

    /** The params diff as a table. */
    public Table params() {
        return new Table(paramsHeaders, paramsRows);
    }

    /** Why there is no baseline, if there is none. */
    public Optional<String> optionalNoBaseline() {
        return Optional.ofNullable(noBaseline);
    }

    /** Whether a metrics file is missing or could not be read, in the workspace or the baseline. */
    public boolean hasUnreadableMetrics() {
        return !unreadableMetrics.isEmpty();
    }

    private static List<List<String>> rows(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>();
        rows.forEach(row -> copy.add(new ArrayList<>(row)));
        return copy;
    }
}
