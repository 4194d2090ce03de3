package io.jenkins.plugins.gputrain.core.dvc.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tabulate 0.10.0's layout of left-aligned text columns, as DVC calls it ({@code disable_numparse=True}, wcwidth
 * installed): cells stripped of Python whitespace; widths by {@code wcswidth} (-1 for a control character) after
 * ANSI colour codes and hyperlinks are taken out; and, when any cell or header holds {@code \r} or {@code \n}, its
 * multi-line mode: each cell split into lines (widths per {@code [\r\n]} piece, text per Python
 * {@code splitlines()}), a row as tall as its tallest cell. Quirks are kept: a cell of -1 width is padded past its
 * column, and a line split by a separator that only {@code splitlines()} knows (e.g. {@code \v}) pairs with the
 * wrong width or is dropped.
 */
final class Tabulate {
    /** tabulate's {@code MIN_PADDING}: a header's width plus two. */
    private static final int MIN_PADDING = 2;

    /** tabulate's {@code _ansi_codes}: CSI sequences, and OSC 8 hyperlinks (group 4 is the link text). */
    private static final Pattern ANSI = Pattern.compile("(\\x1b\\[[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]"
            + "|\\x1b]8;(\\w+=\\w+:?)*;([^\\x1b]+)\\x1b\\\\([^\\x1b]+)\\x1b]8;;\\x1b\\\\)");

    /** Python's {@code str.splitlines()} line boundaries. */
    private static final Pattern LINE_BOUNDARY =
            Pattern.compile("\\r\\n|[\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029]");

    private static final String PYTHON_WHITESPACE =
            "\t\n\u000b\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                    + "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

    private final boolean invisible;
    private final boolean multiline;

    private Tabulate(Table table) {
        List<String> all = new ArrayList<>(table.headers());
        table.rows().forEach(all::addAll);
        String text = String.join("\t", all);
        invisible = text.indexOf('\u001b') >= 0 && ANSI.matcher(text).find();
        multiline = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    /**
     * The lines of a table, without line ends.
     *
     * @param table the table
     * @param pad spaces on each side of a cell ({@code plain} 0, {@code github} 1)
     * @param separator between cells ({@code plain} two spaces, {@code github} {@code |})
     * @param edge before the first and after the last cell ({@code github} {@code |})
     * @param ruled whether a {@code |---|} line follows the header ({@code github})
     */
    static List<String> lines(Table table, int pad, String separator, String edge, boolean ruled) {
        return new Tabulate(table).layout(table, pad, separator, edge, ruled);
    }

    private List<String> layout(Table table, int pad, String separator, String edge, boolean ruled) {
        int columns = table.headers().size();
        List<List<String>> padded = new ArrayList<>();
        table.rows().forEach(row -> padded.add(new ArrayList<>()));
        int[] widths = new int[columns];
        for (int column = 0; column < columns; column++) {
            int minimum = width(table.headers().get(column)) + MIN_PADDING;
            List<String> cells = new ArrayList<>();
            for (List<String> row : table.rows()) {
                cells.add(strip(row.get(column)));
            }
            List<String> aligned = alignColumn(cells, minimum);
            int width = minimum;
            for (int i = 0; i < aligned.size(); i++) {
                padded.get(i).add(aligned.get(i));
                width = Math.max(width, width(aligned.get(i)));
            }
            widths[column] = width;
        }
        List<String> headers = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            headers.add(alignHeader(table.headers().get(column), widths[column]));
        }
        List<String> lines = new ArrayList<>();
        row(lines, headers, widths, pad, separator, edge);
        if (ruled) {
            StringBuilder rule = new StringBuilder(edge);
            for (int column = 0; column < columns; column++) {
                rule.append(column == 0 ? "" : separator).append("-".repeat(widths[column] + 2 * pad));
            }
            lines.add(rule.append(edge).toString());
        }
        padded.forEach(cells -> row(lines, cells, widths, pad, separator, edge));
        return lines;
    }

    /** tabulate's {@code _align_column} for left alignment with wide characters. */
    private List<String> alignColumn(List<String> cells, int minimum) {
        int max = minimum;
        for (String cell : cells) {
            for (String piece : multiline ? pieces(cell) : List.of(cell)) {
                max = Math.max(max, lineWidth(piece));
            }
        }
        List<String> aligned = new ArrayList<>();
        for (String cell : cells) {
            if (!multiline) {
                aligned.add(padRight(cell, max - (lineWidth(cell) - length(cell))));
                continue;
            }
            List<String> pieces = pieces(cell);
            List<String> lines = splitLines(cell);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < Math.min(lines.size(), pieces.size()); i++) {
                String piece = pieces.get(i);
                out.add(padRight(lines.get(i), max - (lineWidth(piece) - length(piece))));
            }
            aligned.add(String.join("\n", out));
        }
        return aligned;
    }

    /** tabulate's {@code _align_header}: each {@code \r}/{@code \n} piece padded to the column width. */
    private String alignHeader(String header, int width) {
        if (!multiline) {
            return padRight(header, width + length(header) - lineWidth(header));
        }
        List<String> lines = new ArrayList<>();
        for (String piece : pieces(header)) {
            lines.add(padRight(piece, width + length(piece) - lineWidth(piece)));
        }
        return String.join("\n", lines);
    }

    /** Appends a row: one line, or in multi-line mode as many as its tallest cell (blank lines as wide as the column). */
    private void row(List<String> lines, List<String> cells, int[] widths, int pad, String separator, String edge) {
        String space = " ".repeat(pad);
        if (!multiline) {
            lines.add(build(cells.stream().map(cell -> space + cell + space).toList(), separator, edge));
            return;
        }
        List<List<String>> cellLines = new ArrayList<>();
        int height = 0;
        for (String cell : cells) {
            List<String> split = splitLines(cell);
            cellLines.add(split);
            height = Math.max(height, split.size());
        }
        for (int line = 0; line < height; line++) {
            List<String> parts = new ArrayList<>();
            for (int column = 0; column < cells.size(); column++) {
                List<String> split = cellLines.get(column);
                String part = line < split.size() ? split.get(line) : " ".repeat(widths[column]);
                parts.add(space + part + space);
            }
            lines.add(build(parts, separator, edge));
        }
    }

    private static String build(List<String> cells, String separator, String edge) {
        return (edge + String.join(separator, cells) + edge).stripTrailing();
    }

    /** The cell's width as tabulate measures it: multi-line, the widest {@code [\r\n]} piece. */
    private int width(String cell) {
        if (!multiline) {
            return lineWidth(cell);
        }
        int width = Integer.MIN_VALUE;
        for (String piece : pieces(cell)) {
            width = Math.max(width, lineWidth(piece));
        }
        return width;
    }

    private int lineWidth(String text) {
        return DisplayWidth.of(invisible ? stripAnsi(text) : text);
    }

    private static String stripAnsi(String text) {
        Matcher matcher = ANSI.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String link = matcher.group(4);
            matcher.appendReplacement(out, Matcher.quoteReplacement(link == null ? "" : link));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Python's {@code re.split("[\r\n]", text)}: every {@code \r} and {@code \n} splits, empty pieces kept. */
    private static List<String> pieces(String text) {
        return List.of(text.split("[\\r\\n]", -1));
    }

    /** Python's {@code str.splitlines()}: no empty last line, nothing for an empty text. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>(List.of(LINE_BOUNDARY.split(text, -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Python's {@code str.strip()}: Python's whitespace from both ends. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && PYTHON_WHITESPACE.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && PYTHON_WHITESPACE.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Python's {@code "{0:<Ns}".format(text)}: padded to N code points, never cut. */
    private static String padRight(String text, int width) {
        int length = length(text);
        return length >= width ? text : text + " ".repeat(width - length);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
