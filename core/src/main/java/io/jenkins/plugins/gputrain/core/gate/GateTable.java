package io.jenkins.plugins.gputrain.core.gate;

import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import java.util.List;

/** The quality gates as a table, one row per gate: what {@code report.md}, {@code report.html} and the check show. */
public final class GateTable {
    private GateTable() {}

    /**
     * Builds the table.
     *
     * @param report the gates' results
     * @param format the layout the table is for (Markdown cells are escaped)
     * @return columns {@code Gate}, {@code Criticality}, {@code Result}, {@code Found}
     */
    public static Table of(QualityGateReport report, TableFormat format) {
        List<List<String>> rows = report.results().stream()
                .map(result -> format.cells(List.of(
                        result.gate().condition(),
                        result.gate().criticality().value(),
                        result.status().label(),
                        result.explanation())))
                .toList();
        return new Table(format.cells(List.of("Gate", "Criticality", "Result", "Found")), rows);
    }

    /** The heading above the table, e.g. {@code Quality gates: failed}. */
    public static String heading(QualityGateReport report) {
        return "Quality gates: " + report.overallStatus().label();
    }
}
