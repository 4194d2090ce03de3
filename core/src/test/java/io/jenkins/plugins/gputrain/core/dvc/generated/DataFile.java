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

    /** A TOML date or time literal ({@code 1979-05-27T07:32:00Z}), written only into TOML files. */
    record TomlDate(String text) {}

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

    /** How a format writes {@code null}, {@code true} and {@code false}. */
    private record Keywords(String none, String yes, String no) {}

    private static final Keywords JSON_KEYWORDS = new Keywords("null", "true", "false");
    private static final Keywords PYTHON_KEYWORDS = new Keywords("None", "True", "False");

    private static String json(Object value) {
        return literal(value, JSON_KEYWORDS);
    }

    /** A value as a JSON or Python literal (TOML arrays are written the same way). */
    private static String literal(Object value, Keywords keywords) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> quote((String) e.getKey()) + ": " + literal(e.getValue(), keywords))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> literal(item, keywords)).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar(value, keywords);
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
                        .append(json(value))
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
                        .append(literal(fieldValue, PYTHON_KEYWORDS))
                        .append('\n'));
            } else {
                text.append(key)
                        .append(" = ")
                        .append(literal(value, PYTHON_KEYWORDS))
                        .append('\n');
            }
        });
    }

    private static String scalar(Object value, Keywords keywords) {
        if (value == null) {
            return keywords.none();
        }
        if (value instanceof Boolean bool) {
            return bool ? keywords.yes() : keywords.no();
        }
        if (value instanceof FloatText number) {
            return number.text();
        }
        if (value instanceof TomlDate date) {
            return date.text();
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
