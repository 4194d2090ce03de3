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
            StringBuilder out = new StringBuilder();
            int[] widths = table.widths();
            line(out, widths, table.headers());
            table.rows().forEach(row -> line(out, widths, row));
            return out.toString();
        }

        private void line(StringBuilder out, int[] widths, List<String> cells) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < cells.size(); column++) {
                if (column > 0) {
                    line.append("  ");
                }
                line.append(pad(cells.get(column), widths[column]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    },

    /**
     * GitHub Markdown: {@code | cell |} with a colon-less separator, then an empty line so appended tables stay
     * apart. Unlike DVC, {@code |} inside a cell is escaped so that a value cannot break the table.
     */
    MARKDOWN {
        @Override
        public String render(Table table) {
            StringBuilder out = new StringBuilder();
            int[] widths = table.widths();
            line(out, widths, table.headers());
            for (int width : widths) {
                out.append('|').append("-".repeat(width + 2));
            }
            out.append("|\n");
            table.rows().forEach(row -> line(out, widths, row));
            return out.append('\n').toString();
        }

        private void line(StringBuilder out, int[] widths, List<String> cells) {
            for (int column = 0; column < cells.size(); column++) {
                out.append("| ").append(pad(cells.get(column), widths[column])).append(' ');
            }
            out.append("|\n");
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

    /** Escapes a cell for Markdown: {@code |} and line breaks would break the row. */
    public static String markdownCell(String cell) {
        return cell.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String pad(String cell, int width) {
        int length = DisplayWidth.of(cell);
        return length >= width ? cell : cell + " ".repeat(width - length);
    }
}
