package io.jenkins.plugins.gputrain.core.report;

/**
 * A check's summary within GitHub's limit for it (65,535 characters): the quality gates first, then the report's
 * tables; what does not fit is cut at a line, and one line says so and where the whole report is.
 */
final class CheckSummary {
    /** The most characters GitHub takes for a check run's output summary. */
    static final int MAX_LENGTH = 65_535;

    private CheckSummary() {}

    /**
     * The summary.
     *
     * @param gates the quality gates' Markdown; shown first
     * @param tables the params and metrics tables and warnings; cut first
     * @param wholeReport where the whole report is, as Markdown (a link, or words naming it)
     * @return the summary, at most {@link #MAX_LENGTH} characters
     */
    static String of(String gates, String tables, String wholeReport) {
        String summary = gates + tables;
        if (summary.length() <= MAX_LENGTH) {
            return summary;
        }
        String note = "\n_Cut here: a check's summary holds at most 65,535 characters. The whole report: " + wholeReport
                + "._\n";
        int end = summary.lastIndexOf('\n', MAX_LENGTH - note.length() - 1) + 1;
        return summary.substring(0, end) + note;
    }
}
