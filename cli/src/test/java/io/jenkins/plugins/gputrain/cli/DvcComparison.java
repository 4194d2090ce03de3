package io.jenkins.plugins.gputrain.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what gpu-train printed for a command with what DVC printed, by general rules:
 *
 * <ul>
 *   <li>DVC's crash on a TOML date in {@code --json} ({@code Object of type date is not JSON serializable}), where
 *       gpu-train writes the date's text;
 *   <li>the exit code: 0 for 0, and gpu-train's 1 for DVC's 255 (its exit code for every error);
 *   <li>standard error: every warning line ({@code WARNING: failed to load …}, {@code DVC failed to load some
 *       metrics …}, which gpu-train words with "params" for {@code params diff}); of an error exit its first line;
 *   <li>{@code --json} structurally: objects as unordered maps, numbers as spelled ({@code 1.0}, {@code 1e-05},
 *       {@code -0.0}); of an error only its {@code type} (the {@code msg} is Python's exception text);
 *   <li>{@code metrics show} tables byte for byte; diff tables byte for byte, except that DVC orders their files by
 *       Python's hash seed: rows are ordered by their Path cell (stably) when there is one, else compared as a set,
 *       before comparing.
 * </ul>
 *
 * These are the deliberate differences of {@code docs/dvc-reports.md}; nothing else is forgiven.
 */
final class DvcComparison {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final String WARNING = "DVC failed to load some ";
    /** DVC's crash on a TOML date in {@code --json}; gpu-train writes the date's text (a deliberate difference). */
    private static final String NOT_SERIALIZABLE = "is not JSON serializable";

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
        if (dvc.exitCode() == 255 && dvc.err().contains(NOT_SERIALIZABLE) && gpuTrain.exitCode == 0) {
            return Optional.empty();
        }
        int expectedExit = dvc.exitCode() == 255 ? 1 : dvc.exitCode();
        if (gpuTrain.exitCode != expectedExit) {
            return Optional.of("exit code " + gpuTrain.exitCode + ", DVC " + dvc.exitCode());
        }
        List<String> expectedErr = errLines(dvc.err(), dvc.exitCode());
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
        if (dvc.out().equals(gpuTrain.out)) {
            return Optional.empty();
        }
        boolean escaped = command.contains("--md") && gpuTrain.out.contains("\\|");
        if (command.get(1).equals("show") && !escaped) {
            return Optional.of("table differs");
        }
        return table(dvc.out(), command, escaped).equals(table(gpuTrain.out, command, escaped))
                ? Optional.empty()
                : Optional.of("table differs");
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
                    map.put(key, structure(parser, parser.nextToken()));
                }
                if (map.keySet().equals(Set.of("type", "msg"))) {
                    map.remove("msg");
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
     * Header lines as they are, then the rows (of a diff: in path order, or sorted without a Path column), a row with a
     * Path cell moved with the continuation lines of its multi-line cells. When gpu-train
     * escaped a {@code |} in a Markdown cell (which DVC leaves as it is), rows are compared cell by cell, unescaped
     * and unpadded, and the separator line is left out.
     */
    private static List<String> table(String text, List<String> command, boolean escaped) {
        List<String> lines = new ArrayList<>(text.lines()
                .filter(line -> !escaped || !line.startsWith("|-"))
                .map(line -> escaped ? cells(line) : line)
                .toList());
        int header = command.contains("--md") && !escaped ? 2 : 1;
        if (lines.size() <= header) {
            return lines;
        }
        List<String> result = new ArrayList<>(lines.subList(0, header));
        List<String> rows = new ArrayList<>(lines.subList(header, lines.size()));
        if (command.get(1).equals("show")) {
            result.addAll(rows);
            return result;
        }
        if (firstCell(lines.get(0)).equals("Path")) {
            List<List<String>> records = records(rows);
            records.sort(Comparator.comparing(record -> firstCell(record.get(0))));
            records.forEach(result::addAll);
        } else {
            rows.sort(Comparator.naturalOrder()); // no Path cell to tell a continuation line from an empty key
            result.addAll(rows);
        }
        return result;
    }

    /** The rows, each with the continuation lines of its multi-line cells (lines whose first cell is blank). */
    private static List<List<String>> records(List<String> rows) {
        List<List<String>> records = new ArrayList<>();
        for (String row : rows) {
            boolean continuation = !row.isBlank() && firstCell(row).isEmpty() && !records.isEmpty();
            if (continuation) {
                records.get(records.size() - 1).add(row);
            } else {
                records.add(new ArrayList<>(List.of(row)));
            }
        }
        return records;
    }

    private static String cells(String row) {
        if (!row.startsWith("| ")) {
            return row;
        }
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(2, row.length() - 2).split(" \\| ")) {
            cells.add(cell.strip().replace("\\|", "|"));
        }
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String firstCell(String row) {
        String line = row.startsWith("|") ? row.substring(1) : row;
        int end = line.startsWith("|") ? 0 : line.indexOf(row.startsWith("|") ? " |" : "  ");
        return (end < 0 ? line : line.substring(0, end)).strip();
    }
}
