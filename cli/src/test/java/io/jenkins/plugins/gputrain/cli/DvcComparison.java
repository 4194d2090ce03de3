package io.jenkins.plugins.gputrain.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
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
 *   <li>the exit code: 0 for 0, and gpu-train's 1 for DVC's 255 (its exit code for every error);
 *   <li>standard error: DVC's warning line ({@code DVC failed to load some metrics …}), which gpu-train words with
 *       "params" for {@code params diff};
 *   <li>{@code --json} structurally: objects as unordered maps, an int and a float different, {@code -0.0} not
 *       {@code 0.0}; of an error only its {@code type} (the {@code msg} is Python's exception text);
 *   <li>tables byte for byte, except that DVC orders files by Python's hash seed: rows are ordered by their Path
 *       cell (stably) when there is one, else compared as a set, before comparing.
 * </ul>
 *
 * These are the deliberate differences of {@code docs/dvc-reports.md}; nothing else is forgiven.
 */
final class DvcComparison {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final String WARNING = "DVC failed to load some ";

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
        String expectedWarning = warning(dvc.err());
        if (command.get(0).equals("params")) {
            expectedWarning = expectedWarning.replace(WARNING + "metrics", WARNING + "params");
        }
        if (!expectedWarning.equals(warning(gpuTrain.err))) {
            return Optional.of("warning '" + warning(gpuTrain.err) + "', DVC '" + expectedWarning + "'");
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
        return table(dvc.out(), command, escaped).equals(table(gpuTrain.out, command, escaped))
                ? Optional.empty()
                : Optional.of("table differs");
    }

    private static String warning(String err) {
        return err.lines().filter(line -> line.startsWith(WARNING)).findFirst().orElse("");
    }

    /** The JSON as maps, lists, ints as BigInteger, floats as Double, or the text itself when it is not JSON. */
    static Object structure(String text) {
        try {
            return structure(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            return "not JSON: " + text;
        }
    }

    private static Object structure(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isObject()) {
            Map<String, Object> map = new HashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), structure(field.getValue())));
            if (map.keySet().equals(Set.of("type", "msg"))) {
                map.remove("msg");
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(structure(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isFloatingPointNumber()) {
            return Double.valueOf(node.doubleValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return "'" + node.asText();
    }

    /**
     * Header lines as they are, then the rows in path order (or sorted, without a Path column). When gpu-train
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
        if (firstCell(lines.get(0)).equals("Path")) {
            rows.sort(Comparator.comparing(DvcComparison::firstCell));
        } else {
            rows.sort(Comparator.naturalOrder());
        }
        result.addAll(rows);
        return result;
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
