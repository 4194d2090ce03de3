package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rows of a CSV/TSV file as Python's csv module reads them for DVC, streamed: records end at {@code \r\n},
 * {@code \n} or a lone {@code \r}, as Python's text mode reads them, but not inside a quoted cell, which keeps them as
 * {@code \n}; empty lines are skipped; malformed UTF-8 is replaced as when the whole text is decoded (a {@code \r},
 * {@code \n}, separator or quote byte is never part of a UTF-8 sequence, so each record and each cell decodes alone
 * to the same text). Each row maps the header's fields to their cells, every cell a string (a field named twice
 * keeps its last cell at its first place, and none in a short row without that last cell; a short row only
 * the fields it has cells for). A record without quotes is
 * handed on as a view of the file's bytes: a cell is decoded when it is looked up, no mapping is built per row.
 */
final class DelimitedRows {
    private final byte[] content;
    private final byte separator;
    private final boolean header;
    private final Consumer<Map<String, Value>> rows;
    private Fields fields;
    /** Where each cell of the current record ends (the separator after it, or the record's end). */
    private int[] cellEnds = new int[8];

    private int cells;
    private boolean quote;

    private DelimitedRows(byte[] content, char separator, boolean header, Consumer<Map<String, Value>> rows) {
        this.content = content;
        this.separator = (byte) separator;
        this.header = header;
        this.rows = rows;
    }

    /**
     * Streams the rows.
     *
     * @param content the file's bytes
     * @param separator {@code ,} or a tab
     * @param header whether the first record names the fields (else they are {@code 0, 1, …} for the first record's
     *     cells)
     * @param rows what receives each row
     */
    static void read(byte[] content, char separator, boolean header, Consumer<Map<String, Value>> rows) {
        new DelimitedRows(content, separator, header, rows).read();
    }

    private void read() {
        int start = 0;
        while (start <= content.length) {
            int end = scan(start);
            if (end > start) {
                record(start, end);
            }
            start = end + 1;
        }
    }

    private void record(int start, int end) {
        if (quote) {
            List<String> split = split(start, end);
            if (fields == null && !first(split)) {
                return;
            }
            rows.accept(fields.row(split));
            return;
        }
        int[] ends = Arrays.copyOf(cellEnds, cells);
        if (fields == null) {
            List<String> decoded = new ArrayList<>();
            for (int i = 0; i < cells; i++) {
                decoded.add(decode(i == 0 ? start : ends[i - 1] + 1, ends[i]));
            }
            if (!first(decoded)) {
                return;
            }
        }
        rows.accept(new Row(fields, content, start, ends));
    }

    /** Takes the fields from the first record; whether that record is a row too (without a header). */
    private boolean first(List<String> cellsOfFirst) {
        List<String> names = cellsOfFirst;
        if (!header) {
            names = new ArrayList<>();
            for (int i = 0; i < cellsOfFirst.size(); i++) {
                names.add(String.valueOf(i));
            }
        }
        fields = new Fields(names);
        return !header;
    }

    /**
     * Finds where the record starting at {@code start} ends: at the first line end outside a quoted cell. A quote
     * opens a cell only at its start and a doubled quote inside one stays in it, as in Python's csv module. Notes the
     * cell ends and whether a quote opened a cell.
     */
    private int scan(int start) {
        boolean fieldStart = true;
        boolean quoted = false;
        boolean afterQuote = false;
        cells = 0;
        quote = false;
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (quoted) {
                quoted = b != '"';
                afterQuote = !quoted;
            } else if (b == '\n' || b == '\r') {
                endCell(i);
                return i;
            } else {
                quoted = b == '"' && (fieldStart || afterQuote);
                quote |= quoted;
                fieldStart = b == separator;
                if (fieldStart) {
                    endCell(i);
                }
                afterQuote = false;
            }
        }
        endCell(content.length);
        return content.length;
    }

    private void endCell(int at) {
        if (cells == cellEnds.length) {
            cellEnds = Arrays.copyOf(cellEnds, 2 * cells);
        }
        cellEnds[cells++] = at;
    }

    private String decode(int from, int to) {
        return new String(content, from, to - from, StandardCharsets.UTF_8);
    }

    /** Splits a record with quotes as Python's csv module does by default; its line ends become {@code \n}. */
    private List<String> split(int start, int end) {
        String line = decode(start, end);
        if (line.indexOf('\r') >= 0) {
            line = line.replace("\r\n", "\n").replace('\r', '\n');
        }
        char delimiter = (char) separator;
        List<String> split = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == delimiter) {
                split.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        split.add(cell.toString());
        return split;
    }

    /** The fields of a file: each name with the columns it heads, the names in the order they first appear. */
    private static final class Fields {
        private final int count;
        private final Map<String, int[]> columns = new LinkedHashMap<>();

        Fields(List<String> names) {
            count = names.size();
            for (int i = 0; i < names.size(); i++) {
                int[] before = columns.get(names.get(i));
                int[] with = before == null ? new int[1] : Arrays.copyOf(before, before.length + 1);
                with[with.length - 1] = i;
                columns.put(names.get(i), with);
            }
        }

        /**
         * The column a field's cell is in, in a row of {@code cells} cells, or -1 when that row has none: the last
         * column the field heads, as Python's {@code DictReader} zips the row and then sets every field past the
         * row's end to its missing value, so a short row lacking the last of a field named twice has no cell for it.
         */
        int column(Object field, int cells) {
            int[] at = columns.get(field);
            if (at == null) {
                return -1;
            }
            int last = at[at.length - 1];
            return last < Math.min(count, cells) ? last : -1;
        }

        /** A row of decoded cells, as a mapping. */
        Map<String, Value> row(List<String> cells) {
            Map<String, Value> row = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> field : columns.entrySet()) {
                int column = column(field.getKey(), cells.size());
                if (column >= 0) {
                    row.put(field.getKey(), new Value.Str(cells.get(column)));
                }
            }
            return row;
        }
    }

    /** A record without quotes as a read-only mapping over the file's bytes, its cells decoded when looked up. */
    private static final class Row extends AbstractMap<String, Value> {
        private final Fields fields;
        private final byte[] content;
        private final int start;
        private final int[] ends;
        private Map<String, Value> whole;

        Row(Fields fields, byte[] content, int start, int[] ends) {
            this.fields = fields;
            this.content = content;
            this.start = start;
            this.ends = ends;
        }

        @Override
        public Value get(Object field) {
            return getOrDefault(field, null);
        }

        @Override
        public Value getOrDefault(Object field, Value absent) {
            int column = fields.column(field, ends.length);
            return column < 0 ? absent : new Value.Str(cell(column));
        }

        @Override
        public boolean containsKey(Object field) {
            return fields.column(field, ends.length) >= 0;
        }

        @Override
        public Set<Entry<String, Value>> entrySet() {
            if (whole == null) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < ends.length; i++) {
                    cells.add(cell(i));
                }
                whole = Collections.unmodifiableMap(fields.row(cells));
            }
            return whole.entrySet();
        }

        private String cell(int column) {
            int from = column == 0 ? start : ends[column - 1] + 1;
            return new String(content, from, ends[column] - from, StandardCharsets.UTF_8);
        }
    }
}
