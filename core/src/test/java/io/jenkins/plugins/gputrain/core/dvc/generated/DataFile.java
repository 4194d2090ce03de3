package io.jenkins.plugins.gputrain.core.dvc.generated;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a generated tree of values as a metrics or params file. Values are {@link Map}s, {@link List}s,
 * {@link BigInteger}s, {@link FloatText}s, {@link NonFinite}s, {@link TomlDate}s, {@link PySet}s, {@link PyLiteral}s, {@link Boolean}s,
 * {@link String}s and {@code null}. YAML is written in randomly chosen native styles (block or flow collections,
 * plain, single- or double-quoted scalars, {@code True}/{@code TRUE}, {@code ~}, anchors with aliases and merge
 * keys); Python with classes nested in classes (a class body on its header line too), {@code self.x} in
 * {@code __init__}, statements joined with {@code ;} and {@code \\} line joins, sets, adjacent strings and prefixed
 * string literals (raw, bytes, f-strings).
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

    /** NaN or an infinity, spelled as each format spells it. */
    enum NonFinite {
        NAN("NaN", ".nan", "nan"),
        INFINITY("Infinity", ".inf", "inf"),
        NEGATIVE_INFINITY("-Infinity", "-.inf", "-inf");

        final String json;
        final String yaml;
        final String toml;

        NonFinite(String json, String yaml, String toml) {
            this.json = json;
            this.yaml = yaml;
            this.toml = toml;
        }
    }

    /**
     * A YAML scalar written as it is ({@code 0b1_0}, {@code 1_000.0_1}, {@code 1:20}, {@code !!binary aGVsbG8=}), into
     * YAML files only: what ruamel.yaml's resolver for the document's version reads as an int, float or string, or
     * what a tag makes of it.
     */
    record YamlPlain(String text) {}

    /** A TOML date or time literal ({@code 1979-05-27T07:32:00Z}), written only into TOML files. */
    record TomlDate(String text) {}

    /**
     * A Python set of small non-negative ints in ascending order (Python iterates such a set in that order, whatever
     * the hash seed), written only into Python files.
     */
    record PySet(List<Integer> items) {}

    /**
     * A Python string, bytes or f-string literal written as its source ({@code rb"raw\\n"}, {@code f"x"}), written only
     * into Python files.
     */
    record PyLiteral(String source) {}

    /**
     * Strings written plain in YAML: letters first, letters, digits, {@code _} and inner spaces, not a YAML 1.2
     * boolean or null ({@code yes}, {@code no}, {@code on}, {@code off} stay plain: strings in YAML 1.2).
     */
    private static final Pattern YAML_PLAIN =
            Pattern.compile("(?!(?i:true|false|null)$)[\\p{L}_][\\p{L}\\p{N}_ ]*(?<! )");

    private static final List<String> YAML_TRUE = List.of("true", "True", "TRUE");
    private static final List<String> YAML_FALSE = List.of("false", "False", "FALSE");
    private static final List<String> YAML_NULL = List.of("null", "~", "Null", "NULL");
    /** Plain words YAML 1.1 reads as booleans: keys spelled so would be booleans, so they are quoted there. */
    private static final Pattern YAML_1_1_BOOL = Pattern.compile("(?i:y|n|yes|no|on|off)");
    /** A float without a point before its exponent, which ruamel.yaml warns about in YAML 1.1 documents. */
    private static final Pattern NO_POINT_EXPONENT = Pattern.compile("([-+]?[0-9]+)([eE].*)");

    /**
     * Python files {@code ast.parse} refuses: an unclosed bracket, bad indentation (unexpected, unmatched, tabs
     * inconsistent with spaces, a missing block), an assignment to a literal, a decimal int of 4301 digits.
     */
    private static final List<String> PYTHON_UNPARSABLE = List.of(
            "x = (\n",
            "a = 1\n  b = 2\n",
            "class C:\n    a = 1\n  b = 2\n",
            "class C:\n        a = 1\n\tb = 2\n",
            "class C:\na = 1\n",
            "a = 1\nclass C:\n",
            "a = 1\n1 = a\n",
            "a = 1\nif a:\n    f() = 2\n",
            "a = " + "1".repeat(4301) + "\n");

    /** What the file holds when it cannot be parsed. */
    String unparsable(Random random) {
        return switch (this) {
            case JSON -> "{\"broken\": ";
            case YAML -> "a: [1, 2\n";
            case TOML -> "a = \n";
            case PYTHON -> PYTHON_UNPARSABLE.get(random.nextInt(PYTHON_UNPARSABLE.size()));
        };
    }

    /** A file that is a scalar or a list, not a mapping ({@code null} where the format has none). */
    String notAMapping(Random random) {
        boolean list = random.nextBoolean();
        return switch (this) {
            case JSON -> list ? "[1, 2.5]\n" : "0.75\n";
            case YAML -> list ? "- 1\n- 2.5\n" : "0.75\n";
            case TOML, PYTHON -> null;
        };
    }

    String write(Map<?, ?> tree, Random random) {
        StringBuilder text = new StringBuilder();
        switch (this) {
            case JSON -> text.append(literal(tree, this)).append('\n');
            case YAML -> new YamlWriter(random, text).document(tree);
            case TOML -> toml(tree, "", text);
            case PYTHON -> new PythonWriter(random, text).module(tree);
        }
        return text.toString();
    }

    /** A value as a JSON, TOML-array or Python literal. */
    private static String literal(Object value, DataFile format) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> quote((String) e.getKey()) + ": " + literal(e.getValue(), format))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> literal(item, format)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value == null) {
            return format == PYTHON ? "None" : "null";
        }
        if (value instanceof Boolean bool) {
            return format == PYTHON ? (bool ? "True" : "False") : bool.toString();
        }
        if (value instanceof FloatText number) {
            return number.text();
        }
        if (value instanceof NonFinite number) {
            return format == TOML ? number.toml : number.json;
        }
        if (value instanceof TomlDate date) {
            return date.text();
        }
        if (value instanceof PySet set) {
            return set.items().stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof String string) {
            return quote(string);
        }
        if (value instanceof PyLiteral python) {
            return python.source();
        }
        return value.toString();
    }

    private static void toml(Map<?, ?> map, String table, StringBuilder text) {
        map.forEach((key, value) -> {
            if (!(value instanceof Map<?, ?>) && value != null) {
                text.append(quote((String) key))
                        .append(" = ")
                        .append(literal(value, TOML))
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

    /** A double-quoted string as JSON, TOML, YAML and Python all read it. */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /** YAML in mixed native styles. */
    private static final class YamlWriter {
        private final Random random;
        private final StringBuilder text;
        private int anchors;
        private boolean yaml11;

        YamlWriter(Random random, StringBuilder text) {
            this.random = random;
            this.text = text;
        }

        /** A document, one in four with a {@code %YAML 1.1} directive and one in four with {@code %YAML 1.2}. */
        void document(Map<?, ?> tree) {
            int version = random.nextInt(4);
            if (version < 2) {
                yaml11 = version == 0;
                text.append(yaml11 ? "%YAML 1.1\n---\n" : "%YAML 1.2\n---\n");
            }
            if (tree.isEmpty()) {
                text.append("{}\n");
                return;
            }
            block(tree, "");
        }

        private void block(Map<?, ?> map, String indent) {
            String anchored = null;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = scalar(entry.getKey());
                Object value = entry.getValue();
                text.append(indent).append(key).append(':');
                if (value instanceof Map<?, ?> child && !child.isEmpty() && random.nextInt(3) > 0) {
                    if (anchored == null && random.nextInt(3) == 0) {
                        anchored = "a" + anchors++;
                        text.append(" &").append(anchored);
                    }
                    text.append('\n');
                    block(child, indent + "  ");
                } else if (value instanceof List<?> list && !list.isEmpty() && random.nextBoolean()) {
                    text.append('\n');
                    list.forEach(item ->
                            text.append(indent).append("- ").append(flow(item)).append('\n'));
                } else {
                    text.append(' ').append(flow(value)).append('\n');
                }
            }
            if (anchored != null) {
                String name = anchored;
                text.append(indent)
                        .append(scalar("copy " + name))
                        .append(": *")
                        .append(name)
                        .append('\n');
                text.append(indent).append(scalar("merged " + name)).append(":\n");
                text.append(indent).append("  <<: *").append(name).append('\n');
                text.append(indent)
                        .append("  own: ")
                        .append(flow(random.nextInt(10)))
                        .append('\n');
            }
        }

        private String flow(Object value) {
            if (value instanceof Map<?, ?> map) {
                return map.entrySet().stream()
                        .map(e -> scalar(e.getKey()) + ": " + flow(e.getValue()))
                        .collect(Collectors.joining(", ", "{", "}"));
            }
            if (value instanceof List<?> list) {
                return list.stream().map(this::flow).collect(Collectors.joining(", ", "[", "]"));
            }
            return scalar(value);
        }

        private String scalar(Object value) {
            if (value == null) {
                return YAML_NULL.get(random.nextInt(YAML_NULL.size()));
            }
            if (value instanceof Boolean bool) {
                List<String> spellings = bool ? YAML_TRUE : YAML_FALSE;
                return spellings.get(random.nextInt(spellings.size()));
            }
            if (value instanceof NonFinite number) {
                return number.yaml;
            }
            if (value instanceof YamlPlain plain) {
                return plain.text();
            }
            if (value instanceof FloatText number && yaml11) {
                // 1e-07 as 1.0e-07: the same float, without ruamel.yaml's YAML 1.1 warning on standard error
                return NO_POINT_EXPONENT.matcher(number.text()).replaceFirst("$1.0$2");
            }
            if (value instanceof String string) {
                int style = random.nextInt(3);
                if (style == 0
                        && YAML_PLAIN.matcher(string).matches()
                        && !(yaml11 && YAML_1_1_BOOL.matcher(string).matches())) {
                    return string;
                }
                if (style == 1 && string.codePoints().noneMatch(c -> c < 0x20 || c == 0x7f)) {
                    return "'" + string.replace("'", "''") + "'";
                }
                return quote(string);
            }
            return literal(value, JSON);
        }
    }

    /** Python modules: classes (nested too), {@code self.x} in {@code __init__}, adjacent strings, sets. */
    private static final class PythonWriter {
        private final Random random;
        private final StringBuilder text;

        PythonWriter(Random random, StringBuilder text) {
            this.random = random;
            this.text = text;
        }

        /** One indentation step: spaces or a tab (a form feed may start a line: Python resets its column). */
        private String step;

        void module(Map<?, ?> tree) {
            step = random.nextInt(4) == 0 ? "\t" : "    ";
            body(tree, "");
        }

        private void body(Map<?, ?> map, String indent) {
            if (map.isEmpty()) {
                text.append(indent).append("pass\n");
            }
            List<Map.Entry<?, ?>> fromInit = new ArrayList<>();
            boolean assigned = false;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = (String) entry.getKey();
                if (entry.getValue() instanceof Map<?, ?> child && name.startsWith("C")) {
                    text.append(indent).append("class ").append(name).append(':');
                    if (!child.isEmpty()
                            && child.values().stream().noneMatch(Map.class::isInstance)
                            && random.nextInt(3) == 0) {
                        text.append(' ').append(inline(child)).append('\n');
                    } else {
                        text.append('\n');
                        body(child, indent + step);
                    }
                    assigned = false;
                } else if (!indent.isEmpty() && random.nextInt(3) == 0) {
                    fromInit.add(entry);
                } else {
                    if (assigned && random.nextInt(4) == 0) {
                        text.setLength(text.length() - 1);
                        text.append("; ");
                    } else {
                        text.append(random.nextInt(8) == 0 ? "\f" : "").append(indent);
                    }
                    text.append(name)
                            .append(random.nextInt(5) == 0 ? " = \\\n" + indent + step : " = ")
                            .append(value(entry.getValue()))
                            .append('\n');
                    assigned = true;
                }
            }
            if (!fromInit.isEmpty()) {
                text.append(indent).append("def __init__(self):\n");
                text.append(indent).append(step).append("ignored = 1\n");
                fromInit.forEach(entry -> text.append(indent)
                        .append(step)
                        .append("self.")
                        .append(entry.getKey())
                        .append(" = ")
                        .append(value(entry.getValue()))
                        .append('\n'));
            }
        }

        /** A class body on its header line: {@code a = 1; b = 2}. */
        private String inline(Map<?, ?> body) {
            return body.entrySet().stream()
                    .map(entry -> entry.getKey() + " = " + value(entry.getValue()))
                    .collect(Collectors.joining("; "));
        }

        private String value(Object value) {
            if (value instanceof String string && string.length() > 1 && random.nextBoolean()) {
                int cut = string.offsetByCodePoints(0, 1);
                return quote(string.substring(0, cut)) + " " + quote(string.substring(cut));
            }
            return literal(value, PYTHON);
        }
    }
}
