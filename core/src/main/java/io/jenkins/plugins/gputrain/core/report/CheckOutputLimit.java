package io.jenkins.plugins.gputrain.core.report;

import java.nio.charset.StandardCharsets;

/**
 * A check's summary or text within GitHub's limit for each: 65,535 bytes of UTF-8, not characters (GitHub answers a
 * longer field with {@code 422 ... exceeds a maximum bytesize of 65535}; github-checks hands checks-api's
 * {@code ChecksOutput.getSummary(65535)} and {@code getText(65535)} on, which since checks-api 1.6.0 cut by UTF-8
 * bytes, and before github-checks 1.0.10 nothing was cut). What comes first is kept; what does not fit is cut at the
 * end of a line, so that no character (and no surrogate pair) is split, and one line says so and where the whole
 * report is.
 */
final class CheckOutputLimit {
    /** The most UTF-8 bytes GitHub takes for a check run's output summary, and for its text. */
    static final int MAX_BYTES = 65_535;

    private CheckOutputLimit() {}

    /**
     * The field within the limit.
     *
     * @param field what the field is, for the line saying it was cut: {@code summary} or {@code text}
     * @param first shown first (the quality gates, or the link to the report): cut last
     * @param rest the rest (the tables, or the plots' links): cut first
     * @param wholeReport where the whole report is, as Markdown (a link, or words naming it)
     * @return {@code first + rest} when it fits, else as many of its lines as fit followed by the line saying so; at
     *     most {@link #MAX_BYTES} bytes of UTF-8
     */
    static String of(String field, String first, String rest, String wholeReport) {
        String whole = first + rest;
        if (utf8Length(whole) <= MAX_BYTES) {
            return whole;
        }
        String note = "\n_Cut here: a check's " + field + " holds at most 65,535 bytes. The whole report: "
                + wholeReport + "._\n";
        int budget = MAX_BYTES - utf8Length(note);
        int end = 0;
        int bytes = 0;
        for (int next = whole.indexOf('\n'); next >= 0; next = whole.indexOf('\n', end)) {
            bytes += utf8Length(whole.substring(end, next + 1));
            if (bytes > budget) {
                break;
            }
            end = next + 1;
        }
        return whole.substring(0, end) + note;
    }

    /** How many bytes the text takes in UTF-8. */
    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
