package io.jenkins.plugins.gputrain.core.dvc.render;

import io.jenkins.plugins.gputrain.core.dvc.diff.Difference;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonFloat;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.Map;

/**
 * Python's {@code json.dumps} as DVC prints {@code --json} off a terminal: one line, separators {@code ", "} and
 * {@code ": "}, non-ASCII escaped, {@code NaN}/{@code Infinity} bare, floats as Python's {@code repr}.
 */
public final class PythonJson {
    private final StringBuilder out = new StringBuilder();

    /** Appends a value. */
    public PythonJson value(Value value) {
        if (value == null || value instanceof Value.None) {
            out.append("null");
        } else if (value instanceof Value.Bool b) {
            out.append(b.value() ? "true" : "false");
        } else if (value instanceof Value.Int i) {
            out.append(i.value());
        } else if (value instanceof Value.Float f) {
            out.append(number(f.value()));
        } else if (value instanceof Value.Str s) {
            string(s.value());
        } else if (value instanceof Value.DateTime
                || value instanceof Value.Bytes
                || value instanceof Value.Complex
                || value instanceof Value.Ellipsis
                || value instanceof Value.Seq set && set.kind() == Value.Seq.Kind.SET) {
            string(value.str()); // DVC's json.dumps fails on these (docs/dvc-reports.md); the table's text
        } else if (value instanceof Value.Seq seq) {
            out.append('[');
            for (int i = 0; i < seq.items().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                value(seq.items().get(i));
            }
            out.append(']');
        } else {
            Value.Dict dict = (Value.Dict) value;
            beginObject();
            dict.entries().forEach((key, item) -> key(dict.key(key)).value(item));
            endObject();
        }
        return this;
    }

    /** Opens an object. */
    public PythonJson beginObject() {
        out.append('{');
        return this;
    }

    /** Writes a key (with a separating comma when needed). */
    public PythonJson key(String key) {
        char last = out.length() == 0 ? '{' : out.charAt(out.length() - 1);
        if (last != '{') {
            out.append(", ");
        }
        string(key);
        out.append(": ");
        return this;
    }

    /**
     * Writes a key as {@code json.dumps} turns a Python key into text: a {@code bool} or {@code None} as its JSON
     * ({@code "true"}, {@code "null"}), a float as a JSON number ({@code "1.5"}, {@code "Infinity"}), an int as its
     * digits; a key {@code json.dumps} refuses (a tuple, a date) as its {@code str()}, where DVC fails.
     */
    public PythonJson key(Value key) {
        if (key instanceof Value.Bool || key instanceof Value.None) {
            return key(new PythonJson().value(key).toString());
        }
        if (key instanceof Value.Float f) {
            return key(number(f.value()));
        }
        return key(key.str());
    }

    /** Closes an object. */
    public PythonJson endObject() {
        out.append('}');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return PythonFloat.repr(value);
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * DVC's {@code --json} of a diff: {@code {path: {key: {"old": …, "new": …[, "diff": …]}}}}, unrounded.
     *
     * @param files the differences
     * @return one line, without a line break
     */
    public static String diff(Iterable<FileDifferences> files) {
        PythonJson json = new PythonJson().beginObject();
        for (FileDifferences file : files) {
            json.key(file.path()).beginObject();
            for (Difference difference : file.differences()) {
                json.key(difference.pythonKey()).beginObject();
                json.key("old").value(difference.old());
                json.key("new").value(difference.current());
                difference.optionalChange().ifPresent(change -> json.key("diff").value(change));
                json.endObject();
            }
            json.endObject();
        }
        return json.endObject().toString();
    }

    /** Writes a map of values as an object. */
    public static String object(Map<String, Value> entries) {
        PythonJson json = new PythonJson().beginObject();
        entries.forEach((key, value) -> json.key(key).value(value));
        return json.endObject().toString();
    }
}
