package io.jenkins.plugins.gputrain.core.dvc.value;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntPredicate;

/** Python {@code repr()} of values, as DVC prints lists (and dicts inside lists). */
public final class PythonRepr {
    private PythonRepr() {}

    /**
     * Python {@code repr(value)}.
     *
     * @param value the value
     * @return e.g. {@code ['bar', 'baz']}, {@code [{'units': 64, 'act': 'relu'}]}, {@code (1, 2)}
     */
    public static String repr(Value value) {
        if (value instanceof Value.Str s) {
            return string(s.value());
        }
        if (value instanceof Value.Seq seq
                && seq.kind() == Value.Seq.Kind.SET
                && seq.items().isEmpty()) {
            return "set()";
        }
        if (value instanceof Value.Seq seq) {
            StringJoiner items =
                    switch (seq.kind()) {
                        case TUPLE -> new StringJoiner(", ", "(", ")");
                        case SET -> new StringJoiner(", ", "{", "}");
                        case LIST -> new StringJoiner(", ", "[", "]");
                    };
            seq.items().forEach(item -> items.add(repr(item)));
            String text = items.toString();
            boolean single = seq.kind() == Value.Seq.Kind.TUPLE && seq.items().size() == 1;
            return single ? text.substring(0, text.length() - 1) + ",)" : text;
        }
        if (value instanceof Value.DateTime dateTime) {
            return dateTime.repr();
        }
        if (value instanceof Value.Dict dict) {
            StringJoiner entries = new StringJoiner(", ", "{", "}");
            for (Map.Entry<String, Value> entry : dict.entries().entrySet()) {
                entries.add(repr(dict.key(entry.getKey())) + ": " + repr(entry.getValue()));
            }
            return entries.toString();
        }
        return value.str();
    }

    /** Python {@code repr(str)}: single quotes unless the text has {@code '} and no {@code "}. */
    static String string(String text) {
        return quoted(text, PythonRepr::isPrintable);
    }

    /** Python {@code repr(bytes)}: {@code b'…'}, quoted as strings are, other than printable ASCII as {@code \\xhh}. */
    static String bytes(byte[] octets) {
        return "b" + quoted(new String(octets, StandardCharsets.ISO_8859_1), c -> c < 0x7f);
    }

    private static String quoted(String text, IntPredicate printable) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder repr = new StringBuilder().append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                repr.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                repr.append("\\n");
            } else if (c == '\r') {
                repr.append("\\r");
            } else if (c == '\t') {
                repr.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                repr.append(String.format("\\x%02x", c));
            } else if (!printable.test(c)) {
                repr.append(
                        c <= 0xff
                                ? String.format("\\x%02x", c)
                                : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                repr.appendCodePoint(c);
            }
        });
        return repr.append(quote).toString();
    }

    /**
     * Python's {@code str.isprintable} for one character, by Java 17's Unicode 13.0 data (CPython 3.11.7 uses Unicode
     * 14.0.0: characters new in 14 are escaped here; docs/dvc-reports.md).
     */
    private static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return c == ' '
                || !(Character.isISOControl(c)
                        || Character.isWhitespace(c)
                        || type == Character.FORMAT
                        || type == Character.UNASSIGNED
                        || type == Character.SURROGATE
                        || type == Character.PRIVATE_USE
                        || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR);
    }
}
