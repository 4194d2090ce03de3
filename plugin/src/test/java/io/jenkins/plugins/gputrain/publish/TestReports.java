package io.jenkins.plugins.gputrain.publish;

import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import io.jenkins.plugins.gputrain.core.report.MetricValue;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import java.util.List;

/** Reports for tests: a build's DVC report in a directory, with only current values and gate results. */
public final class TestReports {
    private TestReports() {}

    /** A report in {@code reportDir} against {@code main}, with empty tables. */
    public static DvcReportAction action(String reportDir, List<MetricValue> currentValues, QualityGateReport gates) {
        Table empty = new Table(List.of(), List.of());
        return new DvcReportAction(
                reportDir,
                new PublishedReport(
                        "main",
                        null,
                        empty,
                        empty,
                        empty,
                        List.of(),
                        List.of(),
                        List.of(),
                        currentValues,
                        List.of(),
                        gates),
                null);
    }
}
