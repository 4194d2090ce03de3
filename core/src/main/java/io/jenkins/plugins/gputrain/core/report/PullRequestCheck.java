package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.gate.GateResult;
import io.jenkins.plugins.gputrain.core.gate.GateStatus;
import io.jenkins.plugins.gputrain.core.gate.GateTable;
import io.jenkins.plugins.gputrain.core.gate.GateType;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import java.util.List;
import java.util.Objects;

/**
 * The check a build's DVC report becomes on the pull request (through the Jenkins Checks API): a title with the
 * headline change, a summary with the params, metrics and quality gate tables in {@code report.md}'s Markdown, and a
 * text linking the build's report page and the archived plots. Plain text only, no Jenkins types.
 *
 * @param name the check's name, e.g. {@code DVC metrics}
 * @param title the headline, e.g. {@code val_acc 0.57333 → 0.95 (+0.37667)}
 * @param summary the tables, in Markdown
 * @param text the links, in Markdown
 * @param success whether the check concludes as a success (no gate failed, and the step does not fail the build)
 */
public record PullRequestCheck(String name, String title, String summary, String text, boolean success) {
    /** The check's name unless the step names another. */
    public static final String DEFAULT_NAME = "DVC metrics";

    /** Checks the parts. */
    public PullRequestCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The check of a published report.
     *
     * @param name the check's name; blank for {@link #DEFAULT_NAME}
     * @param report what the build published
     * @param buildUrl the build's absolute URL ending in {@code /}, or {@code ""} when Jenkins does not know its own
     *     URL (the links are then relative to the Jenkins root)
     * @param reportPage the report page below the build, e.g. {@code dvc-report/}
     * @param failsBuild whether the step fails the build anyway (a missing metrics file with {@code failOnMissing})
     * @return the check
     */
    public static PullRequestCheck of(
            String name, PublishedReport report, String buildUrl, String reportPage, boolean failsBuild) {
        return new PullRequestCheck(
                name == null || name.isBlank() ? DEFAULT_NAME : name.strip(),
                title(report),
                summary(report),
                text(report, buildUrl, reportPage),
                !failsBuild && report.gates().overallStatus() == GateStatus.PASSED);
    }

    private static String title(PublishedReport report) {
        String headline = report.optionalNoBaseline()
                .map(reason -> "No baseline (" + reason + ")")
                .orElseGet(() -> headline(report));
        return report.gates().isEmpty() ? headline : GateTable.heading(report.gates()) + "; " + headline;
    }

    /** The first gate's change, else the first changed metric, e.g. {@code acc 0.912 → 0.934 (+0.022)}. */
    private static String headline(PublishedReport report) {
        QualityGateReport gates = report.gates();
        if (!gates.isEmpty()) {
            GateResult first = gates.results().get(0);
            if (first.gate().type() == GateType.CHANGE
                    && first.optionalObserved().isPresent()) {
                return first.gate().metric().key() + " " + first.baselineValue() + " → " + first.workspaceValue() + " ("
                        + (first.observed().signum() > 0 ? "+" : "")
                        + first.observed().toPlainString() + ")";
            }
        }
        if (report.metrics().isEmpty()) {
            return "No metric changed against " + report.baseline();
        }
        // the metrics diff's columns: Path, Metric, baseline, workspace, Change
        List<String> row = report.metrics().rows().get(0);
        String change = row.get(4);
        String shownChange = change.equals("-") ? "" : " (" + (change.startsWith("-") ? "" : "+") + change + ")";
        return unescape(row.get(1)) + " " + row.get(2) + " → " + row.get(3) + shownChange;
    }

    private static String summary(PublishedReport report) {
        StringBuilder md = new StringBuilder();
        if (report.optionalNoBaseline().isPresent()) {
            md.append("> **No baseline:** ")
                    .append(report.noBaseline())
                    .append(". The report shows the current metrics only.\n");
        } else {
            MarkdownReport.diffTables(
                    md, DvcRepository.WORKSPACE, report.baseline(), report.params(), report.metrics());
        }
        MarkdownReport.gates(md, report.gates());
        if (!report.warnings().isEmpty()) {
            md.append("## Warnings\n");
            report.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
        }
        return md.toString();
    }

    private static String text(PublishedReport report, String buildUrl, String reportPage) {
        StringBuilder md = new StringBuilder("[DVC report](")
                .append(buildUrl)
                .append(reportPage)
                .append(") of this build\n");
        List<String> plots = report.files().stream()
                .filter(file -> ("/" + file).contains("/plots/"))
                .toList();
        if (!plots.isEmpty()) {
            md.append("\nPlots:\n");
            plots.forEach(file -> md.append("- [")
                    .append(("/" + file).substring(("/" + file).indexOf("/plots/") + 1))
                    .append("](")
                    .append(buildUrl)
                    .append("artifact/")
                    .append(file.replace(" ", "%20"))
                    .append(")\n"));
        }
        return md.toString();
    }

    private static String unescape(String markdownCell) {
        return markdownCell.replace("\\|", "|");
    }
}
