package io.jenkins.plugins.gputrain.core.dvc.render;

import java.util.List;

/** The two table layouts DVC prints: tabulate's {@code plain} (default) and {@code github} ({@code --md}). */
public enum TableFormat {
    /** Columns padded, two spaces apart, lines right-trimmed; nothing at all for no rows. */
    PLAIN {
        @Override
        public String render(Table table) {
            if (table.isEmpty()) {
                return "";
            }
            return String.join("\n", Tabulate.lines(table, 0, "  ", "", false)) + "\n";
        }
    },

    /**
     * GitHub Markdown: {@code | cell |} with a colon-less separator, then an empty line so appended tables stay
     * apart. Unlike DVC, {@code |} inside a cell is escaped so that a value cannot break the table.
     */
    MARKDOWN {
        @Override
        public String render(Table table) {
            return String.join("\n", Tabulate.lines(table, 1, "|", "|", true)) + "\n\n";
        }
    };

    /**
     * Renders a table.
     *
     * @param table the table; for Markdown its cells should already be escaped with {@link #markdownCell}
     * @return the text, each line ending with a line feed
     */
    public abstract String render(Table table);

    /**
     * The cells of a row or header as this format holds them: escaped with {@link #markdownCell} for Markdown, as
     * they are otherwise.
     */
    public List<String> cells(List<String> cells) {
        return this == MARKDOWN ? cells.stream().map(TableFormat::markdownCell).toList() : cells;
    }

    /**
     * Escapes a cell for Markdown: {@code |} would break the row, so it becomes {@code \|}, and the backslashes
     * right before it are doubled (GitHub's table rows split at a {@code |} after an even number of backslashes, and
     * {@code \\} is one backslash). A backslash elsewhere stays as it is. Line breaks stay: tabulate draws them as
     * a multi-line row, as DVC does.
     */
    public static String markdownCell(String cell) {
        if (cell.indexOf('|') < 0) {
            return cell;
        }
        StringBuilder escaped = new StringBuilder(cell.length() + 8);
        int backslashes = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '|') {
                escaped.append("\\".repeat(backslashes + 1));
            }
            escaped.append(c);
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return escaped.toString();
    }

    /**
     * The text of a cell escaped by {@link #markdownCell}.
     *
     * @param markdownCell the escaped cell
     * @return the cell's text
     */
    public static String unescapeMarkdownCell(String markdownCell) {
        if (markdownCell.indexOf('|') < 0) {
            return markdownCell;
        }
        StringBuilder text = new StringBuilder(markdownCell.length());
        int backslashes = 0;
        for (int i = 0; i < markdownCell.length(); i++) {
            char c = markdownCell.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            text.append("\\".repeat(c == '|' ? backslashes / 2 : backslashes)).append(c);
            backslashes = 0;
        }
        return text.append("\\".repeat(backslashes)).toString();
    }
}
