package io.jenkins.plugins.gputrain.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares what gpu-train printed for a command with what DVC printed, by general rules:
 *
 * <ul>
 *   <li>the exit code: 0 for 0, and gpu-train's 1 for DVC's 255 (its exit code for every error);
 *   <li>standard error: every warning line ({@code WARNING: failed to load …}, {@code DVC failed to load some
 *       metrics …}, which gpu-train words with "params" for {@code params diff}); of an error exit its first line;
 *   <li>{@code --json} structurally: objects as unordered maps, numbers as spelled ({@code 1.0}, {@code 1e-05},
 *       {@code -0.0}); of an error object ({@code "error": {"type": …, "msg": …}}) only its {@code type} (the {@code
 *       msg} is Python's exception text); dates and sets, where DVC itself crashes, as {@code dvc-driver.py} writes
 *       them (what gpu-train documents);
 *   <li>{@code metrics show} tables byte for byte; diff tables byte for byte, except that DVC orders their files by
 *       Python's hash seed: rows (a multi-line row with its continuation lines) are ordered by their Path cell
 *       (stably) when there is one, else lines compared as a set, before comparing;
 *   <li>a Markdown table where gpu-train escaped {@code |} as {@code \|} (and doubled the backslashes before it): its
 *       rows split into cells where GitHub splits them (at a {@code |} after an even number of backslashes), each
 *       cell unescaped ({@link TableFormat#unescapeMarkdownCell}) and its padding narrowed to DVC's column width,
 *       then compared as above, and gpu-train's own column widths checked to be those of its escaped cells; a row
 *       GitHub would split into more cells than the table has columns stays as it is, and so differs.
 * </ul>
 *
 * These are the deliberate differences of {@code docs/dvc-reports.md}; nothing else is forgiven.
 */
final class DvcComparison {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final String WARNING = "DVC failed to load some ";
    /** The fields of DVC's error objects ({@code encode_exception} in {@code dvc/utils/serialize/_json.py}). */
    private static final Set<String> ERROR_FIELDS = Set.of("type", "msg");

    private static final Pattern SEPARATOR = Pattern.compile("\\|(-+\\|)+");

    private DvcComparison() {}

    /**
     * The difference between the two outputs of a command, if any.
     *
     * @param command the arguments after {@code dvc}
     * @param dvc what DVC printed
     * @param gpuTrain what gpu-train printed
     * @return what differs, in one line
     */
    static Optional<String> difference(List<String> command, RealDvc.Result dvc, CliRun gpuTrain) {
        int expectedExit = dvc.exitCode() == 255 ? 1 : dvc.exitCode();
        if (gpuTrain.exitCode != expectedExit) {
            return Optional.of("exit code " + gpuTrain.exitCode + ", DVC " + dvc.exitCode());
        }
        List<String> expectedErr = oneLineWarnings(errLines(dvc.err(), dvc.exitCode()));
        if (command.get(0).equals("params")) {
            expectedErr = expectedErr.stream()
                    .map(line -> line.replace(WARNING + "metrics", WARNING + "params"))
                    .toList();
        }
        List<String> actualErr = errLines(gpuTrain.err, dvc.exitCode());
        if (!expectedErr.equals(actualErr)) {
            return Optional.of("standard error " + actualErr + ", DVC " + expectedErr);
        }
        if (dvc.exitCode() != 0) {
            return Optional.empty();
        }
        if (command.contains("--json")) {
            Object expected = structure(dvc.out());
            Object actual = structure(gpuTrain.out);
            return expected.equals(actual) ? Optional.empty() : Optional.of("--json differs");
        }
        String actual = gpuTrain.out;
        if (command.contains("--md") && actual.contains("\\|")) {
            Optional<String> unescaped = unescaped(actual, dvc.out());
            if (unescaped.isEmpty()) {
                return Optional.of("escaped table's column widths differ");
            }
            actual = unescaped.get();
        }
        if (dvc.out().equals(actual)) {
            return Optional.empty();
        }
        if (command.get(1).equals("show")) {
            return Optional.of("table differs");
        }
        return table(dvc.out(), command).equals(table(actual, command))
                ? Optional.empty()
                : Optional.of("table differs");
    }

    /**
     * gpu-train's Markdown table as DVC would draw it: {@code \|} unescaped and each column narrowed from gpu-train's
     * width to DVC's (both read off the separator lines); empty when gpu-train's widths are not those of its escaped
     * cells (wider than DVC's, yet no cell fills the column).
     */
    static Optional<String> unescaped(String gpuTrain, String dvc) {
        List<Integer> dvcWidths = separatorWidths(dvc);
        List<Integer> widths = separatorWidths(gpuTrain);
        if (dvcWidths == null || widths == null || dvcWidths.size() != widths.size()) {
            return Optional.of(TableFormat.unescapeMarkdownCell(gpuTrain));
        }
        boolean[] filled = new boolean[widths.size()];
        StringBuilder result = new StringBuilder();
        for (String line : gpuTrain.split("\n", -1)) {
            List<String> segments = line.startsWith("|") && line.endsWith("|") && line.length() > 1
                    ? cells(line.substring(1, line.length() - 1))
                    : List.of();
            if (SEPARATOR.matcher(line).matches()) {
                dvcWidths.forEach(width -> result.append('|').append("-".repeat(width)));
                result.append("|\n");
                continue;
            }
            if (segments.size() != widths.size()) {
                result.append(line).append('\n');
                continue;
            }
            result.append('|');
            for (int column = 0; column < segments.size(); column++) {
                String segment = segments.get(column);
                String cell = TableFormat.unescapeMarkdownCell(segment);
                int narrower = widths.get(column) - dvcWidths.get(column) - (segment.length() - cell.length());
                filled[column] |= segment.length() < 2 || segment.charAt(segment.length() - 2) != ' ';
                if (narrower > 0) {
                    String tail = " ".repeat(narrower + 1);
                    cell = cell.endsWith(tail) ? cell.substring(0, cell.length() - narrower) : cell + "<too narrow>";
                } else {
                    cell = cell.substring(0, cell.length() - 1) + " ".repeat(-narrower) + " ";
                }
                result.append(cell).append('|');
            }
            result.append('\n');
        }
        for (int column = 0; column < widths.size(); column++) {
            if (widths.get(column) > dvcWidths.get(column) && !filled[column]) {
                return Optional.empty();
            }
        }
        return Optional.of(result.substring(0, result.length() - 1));
    }

    /** A Markdown row's cells as GitHub splits them: at each {@code |} after an even number of backslashes. */
    static List<String> cells(String inner) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        int backslashes = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '|' && backslashes % 2 == 0) {
                cells.add(inner.substring(start, i));
                start = i + 1;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        cells.add(inner.substring(start));
        return cells;
    }

    /** The widths (dashes) of the columns in a Markdown table's separator line, or null when there is none. */
    private static List<Integer> separatorWidths(String table) {
        return table.lines()
                .filter(line -> SEPARATOR.matcher(line).matches())
                .findFirst()
                .map(line -> List.of(line.substring(1).split("\\|")).stream()
                        .map(String::length)
                        .toList())
                .orElse(null);
    }

    /**
     * DVC's warnings as gpu-train writes them, each on one line: a {@code failed to parse …:} preamble that DVC ends
     * with a line break ({@code format_and_raise} for a {@code ParseError}, {@code MergeError} or
     * {@code VarsAlreadyLoaded}) joined with the reason by a written {@code \n} (a documented divergence,
     * docs/dvc-reports.md), and so is each further line of the reason (a {@code ParseError}'s caret and pyparsing's
     * message), up to the next warning or DVC's closing line.
     */
    private static List<String> oneLineWarnings(List<String> lines) {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("WARNING: failed to load ") && line.endsWith("':")) {
                while (i + 1 < lines.size()
                        && !lines.get(i + 1).startsWith("WARNING: ")
                        && !lines.get(i + 1).startsWith("DVC failed to load ")) {
                    line = line + "\\n" + lines.get(++i);
                }
            }
            joined.add(line);
        }
        return joined;
    }

    /** Every non-blank line of standard error, or only the first for an error exit (its one-line message). */
    private static List<String> errLines(String err, int exitCode) {
        List<String> lines = err.lines()
                .map(String::stripTrailing)
                .filter(line -> !line.isEmpty())
                .toList();
        return exitCode == 0 || lines.isEmpty() ? lines : lines.subList(0, 1);
    }

    /**
     * The JSON as maps, lists and scalars, numbers as they are spelled ({@code 1.0} is not {@code 1}, {@code 1e-05}
     * not {@code 1.0E-5}, {@code -0.0} not {@code 0.0}), or the text itself when it is not JSON.
     */
    static Object structure(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            Object value = structure(parser, parser.nextToken());
            return parser.nextToken() == null ? value : "not JSON: " + text;
        } catch (IOException e) {
            return "not JSON: " + text;
        }
    }

    private static Object structure(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "no value");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Object value = structure(parser, parser.nextToken());
                    if (key.equals("error")
                            && value instanceof Map<?, ?> error
                            && error.keySet().equals(ERROR_FIELDS)) {
                        value = Map.of("type", error.get("type"));
                    }
                    map.put(key, value);
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    list.add(structure(parser, item));
                }
                return list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return "#" + parser.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return token == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return "null";
            }
            default -> {
                return "'" + parser.getText();
            }
        }
    }

    /**
     * Header lines as they are, then the rows: of a diff in path order, a row's continuation lines (a multi-line cell's
     * further lines: the Path cell blank) staying with it; without a Path column the lines sorted (a blank first cell
     * may be an empty key there).
     */
    private static List<String> table(String text, List<String> command) {
        List<String> lines = text.lines().toList();
        int header = command.contains("--md") ? 2 : 1;
        if (lines.size() <= header) {
            return lines;
        }
        List<String> result = new ArrayList<>(lines.subList(0, header));
        boolean byPath = firstCell(lines.get(0)).equals("Path");
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(header, lines.size())) {
            if (byPath && !rows.isEmpty() && !line.isBlank() && firstCell(line).isEmpty()) {
                rows.set(rows.size() - 1, rows.get(rows.size() - 1) + "\n" + line);
            } else {
                rows.add(line);
            }
        }
        if (byPath) {
            rows.sort(Comparator.comparing(DvcComparison::firstCell));
        } else {
            rows.sort(Comparator.naturalOrder());
        }
        result.addAll(rows);
        return result;
    }

    private static String firstCell(String row) {
        String line = row.startsWith("|") ? row.substring(1) : row;
        int end = line.startsWith("|") ? 0 : line.indexOf(row.startsWith("|") ? " |" : "  ");
        return (end < 0 ? line : line.substring(0, end)).strip();
    }
}
