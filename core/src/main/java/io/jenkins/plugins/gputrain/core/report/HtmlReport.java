package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.plots.RenderedPlot;
import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.gate.GateTable;
import java.util.List;

/**
 * {@code report.html}: the same content as the Markdown report in one self-contained page (inline style, no
 * scripts, no external resources but the bundle's own images), every text escaped.
 */
final class HtmlReport {
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.3em .6em;"
            + "text-align:left}th{background:#f4f4f4}img{max-width:100%;border:1px solid #eee}"
            + ".note{background:#fff8e1;border-left:4px solid #f4b400;padding:.5em 1em}";

    String render(ReportContent content) {
        StringBuilder html = new StringBuilder(
                        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Experiment Report</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>Experiment Report</h1>\n");
        if (content.optionalNoBaseline().isPresent()) {
            html.append("<p class=\"note\"><strong>No baseline:</strong> ")
                    .append(escape(content.noBaseline()))
                    .append(". Showing the current metrics only.</p>\n");
            heading(html, "Metrics " + content.current());
            table(html, content.currentMetrics());
        } else {
            heading(html, "Params " + content.current() + " vs. " + content.baseline());
            table(html, content.params());
            heading(html, "Metrics " + content.current() + " vs. " + content.baseline());
            table(html, content.metrics());
        }
        if (!content.gates().isEmpty()) {
            heading(html, GateTable.heading(content.gates()));
            table(html, GateTable.of(content.gates(), TableFormat.MARKDOWN));
        }
        if (!content.plots().isEmpty()) {
            heading(html, "Plots");
            for (RenderedPlot plot : content.plots()) {
                html.append("<h3>").append(escape(plot.title())).append("</h3>\n");
                for (RenderedPlot.Image image : plot.images()) {
                    if (image.revision() != null) {
                        html.append("<h4>").append(escape(image.revision())).append("</h4>\n");
                    }
                    html.append("<img src=\"plots/")
                            .append(escape(image.path()))
                            .append("\" alt=\"")
                            .append(escape(plot.title()))
                            .append("\">\n");
                }
            }
        }
        if (!content.warnings().isEmpty()) {
            heading(html, "Warnings");
            html.append("<ul class=\"note\">\n");
            content.warnings()
                    .forEach(w -> html.append("<li>").append(escape(w)).append("</li>\n"));
            html.append("</ul>\n");
            if (!content.details().isEmpty()) {
                html.append("<p>Files that could not be read:</p>\n<ul class=\"note\">\n");
                content.details()
                        .forEach(
                                d -> html.append("<li><code>").append(escape(d)).append("</code></li>\n"));
                html.append("</ul>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void heading(StringBuilder html, String text) {
        html.append("<h2>").append(escape(text)).append("</h2>\n");
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<table>\n<tr>");
        table.headers()
                .forEach(h ->
                        html.append("<th>").append(escape(unescapeMarkdown(h))).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            row.forEach(cell ->
                    html.append("<td>").append(escape(unescapeMarkdown(cell))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** The tables are built for Markdown, where {@code |} is escaped; HTML shows the plain text. */
    private static String unescapeMarkdown(String cell) {
        return TableFormat.unescapeMarkdownCell(cell);
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
