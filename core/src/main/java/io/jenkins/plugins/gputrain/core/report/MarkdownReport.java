package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.plots.RenderedPlot;
import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.gate.GateTable;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;

/** {@code report.md} in the shape the MLOps guide's CML workflow writes, with relative image links. */
final class MarkdownReport {
    String render(ReportContent content) {
        StringBuilder md = new StringBuilder("# Experiment Report\n");
        if (content.optionalNoBaseline().isPresent()) {
            currentMetrics(md, content.noBaseline(), content.current(), content.currentMetrics());
        } else {
            diffTables(md, content.current(), content.baseline(), content.params(), content.metrics());
        }
        gates(md, content.gates());
        if (!content.plots().isEmpty()) {
            md.append("## Plots\n");
            for (RenderedPlot plot : content.plots()) {
                md.append("### ").append(plot.title()).append('\n');
                for (RenderedPlot.Image image : plot.images()) {
                    if (image.revision() != null) {
                        md.append("#### ").append(image.revision()).append('\n');
                    }
                    md.append("![](./plots/")
                            .append(image.path())
                            .append(" \"")
                            .append(plot.title().replace("\"", "'"))
                            .append("\")\n");
                }
            }
        }
        if (!content.warnings().isEmpty()) {
            md.append("\n## Warnings\n");
            content.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
            if (!content.details().isEmpty()) {
                md.append("\nFiles that could not be read:\n\n");
                content.details()
                        .forEach(d ->
                                md.append("- `").append(d.replace("`", "'")).append("`\n"));
            }
        }
        return md.toString();
    }

    /** Why there is no baseline, then the current metrics table, as {@code report.md} and the check show them. */
    static void currentMetrics(StringBuilder md, String noBaseline, String current, Table currentMetrics) {
        md.append("> **No baseline:** ").append(noBaseline).append(". Showing the current metrics only.\n\n");
        md.append("## Metrics ").append(current).append('\n');
        md.append(TableFormat.MARKDOWN.render(currentMetrics));
    }

    /** The params and metrics diff tables under their headings, as {@code report.md} and the check show them. */
    static void diffTables(StringBuilder md, String current, String baseline, Table params, Table metrics) {
        md.append("## Params ").append(current).append(" vs. ").append(baseline).append('\n');
        md.append(TableFormat.MARKDOWN.render(params));
        md.append("## Metrics ")
                .append(current)
                .append(" vs. ")
                .append(baseline)
                .append('\n');
        md.append(TableFormat.MARKDOWN.render(metrics));
    }

    /** The quality gate table under its heading; nothing without gates. */
    static void gates(StringBuilder md, QualityGateReport gates) {
        if (!gates.isEmpty()) {
            md.append("## ").append(GateTable.heading(gates)).append('\n');
            md.append(TableFormat.MARKDOWN.render(GateTable.of(gates, TableFormat.MARKDOWN)));
        }
    }
}
