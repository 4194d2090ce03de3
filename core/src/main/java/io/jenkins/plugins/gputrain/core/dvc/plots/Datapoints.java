package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a plot data file as DVC reads them: CSV/TSV through a header row (or {@code 0, 1, …} with
 * {@code header: false}), every cell a string; JSON/YAML/TOML the first list of mappings found (lists with the
 * same keys merged index by index).
 */
public final class Datapoints {
    private Datapoints() {}

    /**
     * Reads the rows.
     *
     * @param path the file's repository path (its suffix picks the format)
     * @param content the bytes
     * @param header whether a CSV/TSV file starts with a header row
     * @param reader the structured-data reader
     * @return the rows, each a mapping from field to value
     * @throws UnreadableFileException when the file cannot be parsed or holds no rows
     */
    public static List<Map<String, Value>> read(String path, byte[] content, boolean header, DataFileReader reader)
            throws UnreadableFileException {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
            return delimited(new String(content, StandardCharsets.UTF_8), lower.endsWith(".tsv") ? '\t' : ',', header);
        }
        Value value = reader.read(path, content);
        List<Map<String, Value>> rows = new ArrayList<>();
        collect(value, rows);
        if (rows.isEmpty()) {
            throw new UnreadableFileException("PlotMetricTypeError", "'" + path + "' holds no list of data points");
        }
        return rows;
    }

    private static void collect(Value value, List<Map<String, Value>> rows) {
        if (value instanceof Value.Seq seq
                && !seq.items().isEmpty()
                && seq.items().stream().allMatch(Value.Dict.class::isInstance)) {
            List<Map<String, Value>> found = seq.items().stream()
                    .map(item -> ((Value.Dict) item).entries())
                    .toList();
            if (rows.isEmpty()) {
                found.forEach(row -> rows.add(new LinkedHashMap<>(row)));
            } else if (rows.get(0).keySet().equals(found.get(0).keySet()) && rows.size() == found.size()) {
                for (int i = 0; i < rows.size(); i++) {
                    rows.get(i).putAll(found.get(i));
                }
            }
        } else if (value instanceof Value.Dict dict) {
            dict.entries().values().forEach(child -> collect(child, rows));
        }
    }

    private static List<Map<String, Value>> delimited(String text, char separator, boolean header) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty()) {
                lines.add(split(line, separator));
            }
        }
        List<Map<String, Value>> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> fields = header ? lines.get(0) : new ArrayList<>();
        if (!header) {
            for (int i = 0; i < lines.get(0).size(); i++) {
                fields.add(String.valueOf(i));
            }
        }
        for (List<String> cells : lines.subList(header ? 1 : 0, lines.size())) {
            Map<String, Value> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size() && i < cells.size(); i++) {
                row.put(fields.get(i), new Value.Str(cells.get(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Splits one line, honouring double quotes as Python's csv module does by default. */
    private static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
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
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /**
     * Whether a value is a number that is not finite: {@code Infinity}, {@code -Infinity} or {@code NaN} in JSON or
     * YAML, or {@code inf}, {@code -inf}, {@code nan} (any case) in CSV as Python writes them, or an integer too
     * large for a double.
     */
    public static boolean isNonFinite(Value value) {
        if (value instanceof Value.Float || value instanceof Value.Int) {
            return !Double.isFinite(number(value));
        }
        if (value instanceof Value.Str s) {
            String text = s.value().strip().toLowerCase(Locale.ROOT);
            return NON_FINITE.contains(text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text);
        }
        return false;
    }

    private static final java.util.Set<String> NON_FINITE = java.util.Set.of("inf", "infinity", "nan");

    /** A value as a number: numbers as they are, strings parsed, anything else NaN. */
    public static double number(Value value) {
        if (value instanceof Value.Float f) {
            return f.value();
        }
        if (value instanceof Value.Int i) {
            return i.value().doubleValue();
        }
        if (value instanceof Value.Bool b) {
            return b.value() ? 1 : 0;
        }
        if (value instanceof Value.Str s) {
            try {
                return Double.parseDouble(s.value().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
