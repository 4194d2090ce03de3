package io.jenkins.plugins.gputrain.core.dvc.generated;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a generated tree of values as a metrics or params file. Values are {@link Map}s, {@link List}s,
 * {@link BigInteger}s, {@link FloatText}s, {@link Boolean}s, {@link String}s and {@code null}.
 */
enum DataFile {
    JSON(".json"),
    YAML(".yaml"),
    TOML(".toml"),
    PYTHON(".py");

    final String suffix;

    DataFile(String suffix) {
        this.suffix = suffix;
    }

    /** A float as its literal text, the same in every format ({@code 1.5e-07}, {@code -0.0}). */
    record FloatText(String text) {}

    /** What the file holds when it cannot be parsed. */
    String unparsable() {
        return switch (this) {
            case JSON -> "{\"broken\": ";
            case YAML -> "a: [1, 2\n";
            case TOML -> "a = \n";
            case PYTHON -> "x = (\n";
        };
    }

    String write(Map<String, Object> tree) {
        StringBuilder text = new StringBuilder();
        switch (this) {
            case JSON -> text.append(json(tree)).append('\n');
            case YAML -> yaml(tree, "", text);
            case TOML -> toml(tree, "", text);
            case PYTHON -> python(tree, text);
        }
        return text.toString();
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> quote((String) e.getKey()) + ": " + json(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DataFile::json).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar(value, "null", "true", "false");
    }

    private static void yaml(Map<?, ?> map, String indent, StringBuilder text) {
        if (map.isEmpty()) {
            text.append(indent).append("{}\n");
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            text.append(indent).append(quote((String) entry.getKey())).append(':');
            if (entry.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
                text.append('\n');
                yaml(child, indent + "  ", text);
            } else {
                text.append(' ').append(json(entry.getValue())).append('\n');
            }
        }
    }

    private static void toml(Map<?, ?> map, String table, StringBuilder text) {
        map.forEach((key, value) -> {
            if (!(value instanceof Map<?, ?>) && value != null) {
                text.append(quote((String) key))
                        .append(" = ")
                        .append(tomlValue(value))
                        .append('\n');
            }
        });
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child) {
                String name = (table.isEmpty() ? "" : table + ".") + quote((String) key);
                text.append('[').append(name).append("]\n");
                toml(child, name, text);
            }
        });
    }

    private static String tomlValue(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(DataFile::tomlValue).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar(value, "\"\"", "true", "false");
    }

    private static void python(Map<String, Object> tree, StringBuilder text) {
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child && key.startsWith("C")) {
                text.append("class ").append(key).append(":\n");
                if (child.isEmpty()) {
                    text.append("    pass\n");
                }
                child.forEach((field, fieldValue) -> text.append("    ")
                        .append(field)
                        .append(" = ")
                        .append(pythonValue(fieldValue))
                        .append('\n'));
            } else {
                text.append(key).append(" = ").append(pythonValue(value)).append('\n');
            }
        });
    }

    private static String pythonValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> quote((String) e.getKey()) + ": " + pythonValue(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DataFile::pythonValue).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar(value, "None", "True", "False");
    }

    private static String scalar(Object value, String none, String yes, String no) {
        if (value == null) {
            return none;
        }
        if (value instanceof Boolean bool) {
            return bool ? yes : no;
        }
        if (value instanceof FloatText number) {
            return number.text();
        }
        if (value instanceof String string) {
            return quote(string);
        }
        return value.toString();
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
