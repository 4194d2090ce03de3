package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.gate.GateResult;
import io.jenkins.plugins.gputrain.core.gate.GateTable;
import io.jenkins.plugins.gputrain.core.gate.GateType;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The check a build's DVC report becomes on the pull request (through the Jenkins Checks API): a title with the
 * headline change, a summary with the quality gates first and then the params and metrics tables in
 * {@code report.md}'s Markdown (without a baseline, the current metrics), a text linking the build's report page and
 * the archived plots (each cut to GitHub's 65,535 bytes of UTF-8, {@link CheckOutputLimit}), and the report page as
 * the check's details URL; while
 * publishing runs, or when it failed or was interrupted, a check saying so in one line. The
 * links are absolute (GitHub resolves no relative link of a check); without the build's absolute URL (Jenkins' root
 * URL not configured) there are none. Plain text only, no Jenkins types.
 *
 * @param name the check's name, e.g. {@code DVC metrics}
 * @param title the headline, e.g. {@code val_acc 0.57333 → 0.95 (+0.37667)}
 * @param summary the tables, in Markdown
 * @param text the links, in Markdown
 * @param detailsUrl the report page's absolute URL, or {@code ""} when there is none
 * @param state in progress, or completed with its conclusion
 */
public record PullRequestCheck(
        String name, String title, String summary, String text, String detailsUrl, CheckState state) {
    /** The check's name unless the step names another or publishes into another report directory. */
    public static final String DEFAULT_NAME = "DVC metrics";

    private static final String HEX = "0123456789ABCDEF";

    /**
     * The most characters of a title. GitHub documents no limit for a check run's output title; this keeps a title
     * made of a long metric key or a long number (a 301-digit {@code toPlainString()}) short enough to be shown and
     * accepted.
     */
    static final int MAX_TITLE = 255;

    /** The most characters of the reason in an unfinished check's summary: one line, not a whole error text. */
    static final int MAX_REASON = 1_000;

    /** The text's first line without Jenkins' root URL. */
    private static final String UNLINKED_REPORT = "DVC report of this build: on the build's page in Jenkins (no links:"
            + " Jenkins' root URL is not configured)\n";

    /** Checks the parts. */
    public PullRequestCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detailsUrl, "detailsUrl");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The check while the report is being published, so that the pull request shows it from the start.
     *
     * @param name the check's name, stripped; {@code null} or blank for {@link #DEFAULT_NAME}
     * @return the check, in progress
     */
    public static PullRequestCheck inProgress(String name) {
        return new PullRequestCheck(
                checkName(name),
                "Publishing the DVC report",
                "The DVC metrics, params and plots of this build are being published.\n",
                "",
                "",
                CheckState.IN_PROGRESS);
    }

    /**
     * The check of a publication that did not finish, so that the pull request shows no stale check.
     *
     * @param name the check's name, stripped; {@code null} or blank for {@link #DEFAULT_NAME}
     * @param interrupted whether the build was aborted ({@link CheckState#CANCELED}) rather than publishing failed
     *     ({@link CheckState#FAILURE})
     * @param reason why, on one line; cut at {@value #MAX_REASON} characters, ending in {@code …}
     * @return the completed check
     */
    public static PullRequestCheck unfinished(String name, boolean interrupted, String reason) {
        String title = interrupted ? "DVC report not published: the build was aborted" : "DVC report not published";
        return new PullRequestCheck(
                checkName(name),
                title,
                title + ": " + capped(reason, MAX_REASON) + "\n",
                "",
                "",
                interrupted ? CheckState.CANCELED : CheckState.FAILURE);
    }

    /** The report page's absolute URL, unless there is none. */
    public Optional<String> optionalDetailsUrl() {
        return detailsUrl.isEmpty() ? Optional.empty() : Optional.of(detailsUrl);
    }

    /**
     * The check of a published report.
     *
     * @param name the check's name, stripped; {@code null} or blank for {@link #DEFAULT_NAME}
     * @param report what the build published
     * @param buildUrl the build's absolute URL ending in {@code /}; empty when Jenkins does not know its own URL (the
     *     check then has no links and no details URL)
     * @param reportPage the report page below the build, e.g. {@code dvc-report/}
     * @param failsBuild whether the step fails the build anyway (a missing metrics file with {@code failOnMissing})
     * @return the check
     */
    public static PullRequestCheck of(
            String name, PublishedReport report, Optional<String> buildUrl, String reportPage, boolean failsBuild) {
        String wholeReport = buildUrl.map(url -> "[DVC report](" + url + reportPage + ") of this build")
                .orElse("the DVC report on the build's page in Jenkins (report.md among its artifacts)");
        String text = buildUrl.map(url -> CheckOutputLimit.of(
                        "text",
                        "[DVC report](" + url + reportPage + ") of this build\n",
                        linkedPlots(report, url),
                        wholeReport))
                .orElseGet(() -> CheckOutputLimit.of("text", UNLINKED_REPORT, unlinkedPlots(report), wholeReport));
        return new PullRequestCheck(
                checkName(name),
                title(report),
                summary(report, wholeReport),
                text,
                buildUrl.map(url -> url + reportPage).orElse(""),
                CheckState.of(report.gates().overallStatus(), failsBuild));
    }

    /**
     * The check's name for a publication: the one given, else {@link #DEFAULT_NAME} for the default report directory
     * and {@code DVC metrics (<reportDir>)} for another, so that parallel publications into their own directories do
     * not update one check (GitHub Checks updates the check run of the same name).
     *
     * @param given the name the step gives; {@code null} or blank when none
     * @param reportDir the report directory as given; {@code null} for the default
     * @return the name
     */
    public static String nameFor(String given, String reportDir) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String dir = reportDir == null || reportDir.isBlank() ? ReportDirectory.DEFAULT : reportDir.strip();
        return dir.equals(ReportDirectory.DEFAULT) ? DEFAULT_NAME : DEFAULT_NAME + " (" + dir + ")";
    }

    private static String checkName(String name) {
        return name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
    }

    /** The gates' result and the headline, cut at {@value #MAX_TITLE} characters, ending in {@code …}. */
    private static String title(PublishedReport report) {
        String headline = report.optionalNoBaseline()
                .map(reason -> "No baseline (" + reason + ")")
                .orElseGet(() -> headline(report));
        return capped(
                report.gates().isEmpty() ? headline : GateTable.heading(report.gates()) + "; " + headline, MAX_TITLE);
    }

    /** The text, or its start ending in {@code …} within {@code max} characters, never splitting a surrogate pair. */
    static String capped(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
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

    /** The gates first: GitHub takes at most 65,535 bytes of a summary, and they must not be what is cut. */
    private static String summary(PublishedReport report, String wholeReport) {
        StringBuilder gates = new StringBuilder();
        MarkdownReport.gates(gates, report.gates());
        StringBuilder md = new StringBuilder();
        if (report.optionalNoBaseline().isPresent()) {
            MarkdownReport.currentMetrics(md, report.noBaseline(), DvcRepository.WORKSPACE, report.currentMetrics());
        } else {
            MarkdownReport.diffTables(
                    md, DvcRepository.WORKSPACE, report.baseline(), report.params(), report.metrics());
        }
        if (!report.warnings().isEmpty()) {
            md.append("## Warnings\n");
            report.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
        }
        return CheckOutputLimit.of("summary", gates.toString(), md.toString(), wholeReport);
    }

    /** The plots' links, below the text's link to the report page. */
    private static String linkedPlots(PublishedReport report, String buildUrl) {
        StringBuilder md = new StringBuilder();
        List<String> plots = plots(report);
        if (!plots.isEmpty()) {
            md.append("\nPlots:\n");
            plots.forEach(file -> md.append("- [")
                    .append(markdownText(plotName(file)))
                    .append("](")
                    .append(buildUrl)
                    .append("artifact/")
                    .append(urlPath(file))
                    .append(")\n"));
        }
        return md.toString();
    }

    /** Names the plots the linked text links, as plain text: a relative link would point into the SCM host. */
    private static String unlinkedPlots(PublishedReport report) {
        StringBuilder md = new StringBuilder();
        List<String> plots = plots(report);
        if (!plots.isEmpty()) {
            md.append("\nPlots (archived with the build):\n");
            plots.forEach(
                    file -> md.append("- ").append(markdownText(plotName(file))).append('\n'));
        }
        return md.toString();
    }

    private static List<String> plots(PublishedReport report) {
        return report.files().stream()
                .filter(file -> ("/" + file).contains("/plots/"))
                .toList();
    }

    /** {@code plots/…} of a report file below {@code …/plots/}. */
    private static String plotName(String file) {
        String path = "/" + file;
        return path.substring(path.indexOf("/plots/") + 1);
    }

    /** A file name as Markdown text: {@code \\}, {@code [}, {@code ]}, {@code *}, {@code _} and {@code `} escaped. */
    private static String markdownText(String text) {
        StringBuilder md = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\[]*_`".indexOf(c) >= 0) {
                md.append('\\');
            }
            md.append(c);
        }
        return md.toString();
    }

    /**
     * The path with each segment percent-encoded (RFC 3986, UTF-8): only unreserved characters stay as they are, so
     * that neither the URL ({@code #}, {@code ?}, {@code %}) nor the Markdown link ({@code )}, space) breaks.
     */
    private static String urlPath(String path) {
        StringBuilder url = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c == '/'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')) {
                url.append(c);
            } else {
                url.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return url.toString();
    }

    private static String unescape(String markdownCell) {
        return TableFormat.unescapeMarkdownCell(markdownCell);
    }
}
