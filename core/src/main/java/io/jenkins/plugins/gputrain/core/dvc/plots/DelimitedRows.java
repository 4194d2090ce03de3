package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
import java.util.function.Supplier;

/**
 * The rows of a CSV/TSV file as DVC 3.67.1 reads them ({@code _load_sv} in {@code dvc/repo/plots/__init__.py}: Python's
 * {@code csv.DictReader} over the file's text), streamed. Records end at {@code \r\n}, {@code \n} or a lone
 * {@code \r}, as Python's text mode reads them, but not inside a quoted cell, which keeps them as {@code \n}. The
 * first record names the fields, an empty one none; with {@code header: false} they are {@code 0, 1, …} for the
 * cells of the first record a default {@code csv.reader} reads, at commas and by its quoting, also for TSV (DVC counts
 * them so). Empty
 * records after it are skipped. Each row maps every field to its cell, a string ({@code None} past a short row's
 * end; a field named twice keeps its last column at its first place), and the cells past the fields, if any, as a
 * list under the key {@code null} ({@code DictReader}'s {@code restkey}). As DVC's {@code _is_datapoints}, a file
 * whose later row has that key while its first row lacks it has rows but no data points
 * ({@link Datapoints.NoDatapoints}). The text must be UTF-8 (else DVC's
 * {@code EncodingError}) and no cell longer than the csv module's field size limit (its {@code Error}). A record
 * without quotes is handed on as a view of the file's bytes: a cell is decoded when it is looked up.
 */
final class DelimitedRows {
    /** Python's {@code csv.field_size_limit()}: the most characters a cell may hold. */
    static final int FIELD_SIZE_LIMIT = 131_072;

    private final byte[] content;
    private final byte separator;
    private final boolean header;
    private Consumer<Map<String, Value>> rows;
    private Fields fields;
    private boolean firstRowLong;
    private boolean dropped;
    private int rowCount;
    /** Where each cell of the current record ends (the separator after it, or the record's end). */
    private int[] cellEnds = new int[8];

    private int cells;
    private boolean quote;

    private DelimitedRows(byte[] content, char separator, boolean header) {
        this.content = content;
        this.separator = (byte) separator;
        this.header = header;
    }

    /**
     * Streams the rows.
     *
     * @param path the file's repository path, for errors
     * @param content the file's bytes
     * @param separator {@code ,} or a tab
     * @param header whether the first record names the fields
     * @param receivers a new receiver; a second one, told {@link Datapoints.NoDatapoints#noDatapoints()}, when the rows
     *     turn out to be no data points
     * @param <T> the receiver type
     * @return the receiver that got the rows
     * @throws UnreadableFileException DVC's {@code EncodingError} for text that is not UTF-8, the csv module's
     *     {@code Error} for a cell past its size limit, and the {@code TypeError} of an empty file without header
     */
    static <T extends Consumer<Map<String, Value>>> T read(
            String path, byte[] content, char separator, boolean header, Supplier<T> receivers)
            throws UnreadableFileException {
        validate(path, content);
        if (!header && content.length == 0) {
            // first(csv.reader(...)) is None
            throw new UnreadableFileException("TypeError", "object of type 'NoneType' has no len()");
        }
        DelimitedRows reader = new DelimitedRows(content, separator, header);
        T first = receivers.get();
        reader.rows = first;
        reader.read();
        if (!reader.dropped) {
            return first;
        }
        T none = receivers.get();
        if (none
                instanceof Datapoints.InferredY inferred) { // the rows are a list of mappings: its first row's last key
            inferred.inferY(reader.fields.lastName());
        }
        if (none instanceof Datapoints.NoDatapoints receiver) {
            receiver.noDatapoints();
        }
        return none;
    }

    private static void validate(String path, byte[] content) throws UnreadableFileException {
        for (byte b : content) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(content));
                } catch (CharacterCodingException e) {
                    throw new UnreadableFileException(
                            "EncodingError", "unable to read: '" + path + "', is not valid utf8");
                }
                return;
            }
        }
    }

    private void read() throws UnreadableFileException {
        int start = 0;
        while (start <= content.length) {
            int end = scan(start, separator);
            if (end > start || fields == null) {
                record(start, end);
            }
            start = end < content.length - 1 && content[end] == '\r' && content[end + 1] == '\n' ? end + 2 : end + 1;
        }
    }

    private void record(int start, int end) throws UnreadableFileException {
        List<String> decoded = null;
        if (quote || fields == null) {
            decoded = quote ? split(start, end, (char) separator) : plainCells(start);
            for (String cell : decoded) {
                if (cell.length() > FIELD_SIZE_LIMIT && cell.codePointCount(0, cell.length()) > FIELD_SIZE_LIMIT) {
                    throw tooLarge();
                }
            }
        } else {
            for (int i = 0; i < cells; i++) {
                int from = i == 0 ? start : cellEnds[i - 1] + 1;
                if (cellEnds[i] - from > FIELD_SIZE_LIMIT
                        && decode(from, cellEnds[i]).codePoints().count() > FIELD_SIZE_LIMIT) {
                    throw tooLarge();
                }
            }
        }
        if (fields == null) {
            fields = new Fields(end == start ? List.of() : header ? decoded : numbered());
            if (header || end == start) {
                return;
            }
        }
        if (end == start) {
            return;
        }
        int count = decoded == null ? cells : decoded.size();
        boolean longRow = count > fields.count;
        if (rowCount++ == 0) {
            firstRowLong = longRow;
        } else if (longRow && !firstRowLong) {
            dropped = true;
        }
        if (dropped) {
            return;
        }
        rows.accept(
                decoded == null
                        ? new Row(fields, content, start, Arrays.copyOf(cellEnds, cells))
                        : fields.row(decoded));
    }

    private UnreadableFileException tooLarge() {
        return new UnreadableFileException("Error", "field larger than field limit (" + FIELD_SIZE_LIMIT + ")");
    }

    private List<String> plainCells(int start) {
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            decoded.add(decode(i == 0 ? start : cellEnds[i - 1] + 1, cellEnds[i]));
        }
        return decoded;
    }

    /**
     * {@code 0, 1, …} for the cells of the file's first record as a default {@code csv.reader} reads it: split at
     * commas, and ended where its own quoting ends it, which may be past where the record ends at tabs. Overwrites the
     * notes {@link #scan} keeps of the current record; the first record is handed on from its decoded cells.
     */
    private List<String> numbered() {
        int count = split(0, scan(0, (byte) ','), ',').size();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.valueOf(i));
        }
        return names;
    }

    /**
     * Finds where the record starting at {@code start} ends: at the first line end outside a quoted cell. A quote
     * opens a cell only at its start and a doubled quote inside one stays in it, as in Python's csv module. Notes the
     * cell ends and whether a quote opened a cell.
     */
    private int scan(int start, byte delimiter) {
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
                fieldStart = b == delimiter;
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

    /** Splits a record as Python's csv module does by default; its line ends become {@code \n}. */
    private List<String> split(int start, int end, char delimiter) {
        String line = decode(start, end);
        if (line.indexOf('\r') >= 0) {
            line = line.replace("\r\n", "\n").replace('\r', '\n');
        }
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

        /** The last of the first row's keys (a field named twice keeps its first place), {@code null} for none. */
        String lastName() {
            String last = null;
            for (String name : columns.keySet()) {
                last = name;
            }
            return last;
        }

        /**
         * The column a field's cell is in, -1 when it is no field: the last column the field heads, as Python's
         * {@code DictReader} zips the row (and then sets every field past the row's end to its missing value, so a
         * short row lacking the last of a field named twice has {@code None} for it).
         */
        int column(Object field) {
            int[] at = field == null ? null : columns.get(field);
            return at == null ? -1 : at[at.length - 1];
        }

        /** A row of decoded cells, as a mapping. */
        Map<String, Value> row(List<String> cells) {
            Map<String, Value> row = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> field : columns.entrySet()) {
                int column = column(field.getKey());
                row.put(field.getKey(), column < cells.size() ? new Value.Str(cells.get(column)) : Value.None.NONE);
            }
            if (cells.size() > count) {
                List<Value> rest = new ArrayList<>();
                cells.subList(count, cells.size()).forEach(cell -> rest.add(new Value.Str(cell)));
                row.put(null, new Value.Seq(rest, Value.Seq.Kind.LIST));
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
            if (field == null) {
                return whole().getOrDefault(null, absent);
            }
            int column = fields.column(field);
            return column < 0 ? absent : column < ends.length ? new Value.Str(cell(column)) : Value.None.NONE;
        }

        @Override
        public boolean containsKey(Object field) {
            return field == null ? ends.length > fields.count : fields.column(field) >= 0;
        }

        @Override
        public Set<Entry<String, Value>> entrySet() {
            return whole().entrySet();
        }

        private Map<String, Value> whole() {
            if (whole == null) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < ends.length; i++) {
                    cells.add(cell(i));
                }
                whole = Collections.unmodifiableMap(fields.row(cells));
            }
            return whole;
        }

        private String cell(int column) {
            int from = column == 0 ? start : ends[column - 1] + 1;
            return new String(content, from, ends[column] - from, StandardCharsets.UTF_8);
        }
    }
}
