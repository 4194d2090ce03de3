package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonTypes;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DVC's {@code ${…}} interpolation in {@code dvc.yaml}: a string that is exactly one expression becomes the typed
 * value; inside a longer string values are stringified (booleans as {@code true}/{@code false}); {@code \${…}}
 * stays literal; {@code a.b}, {@code list[0]} and {@code list.0} look values up. Mapping keys are interpolated
 * too ({@code - ${out}/m.json:} with output flags). In a stage's field a value looked up must be a scalar or null, a
 * mapping also in {@code cmd}, as DVC's {@code validate_value} requires ({@code dvc/parsing/interpolate.py}); the
 * {@code foreach}/{@code matrix} data and top-level definitions are not checked, as in DVC.
 */
final class Interpolator {
    private static final Pattern EXPRESSION = Pattern.compile("(\\\\)?\\$\\{(.*?)}");

    private Interpolator() {}

    /**
     * Interpolates every string inside a value.
     *
     * @param value the value from dvc.yaml
     * @param context the variables
     * @return the value with expressions replaced
     * @throws ResolveException when a name is not defined
     */
    static Value resolve(Value value, Value.Dict context) {
        return resolve(value, context, null, (name, found) -> {});
    }

    /**
     * Interpolates every string inside a value, reporting each name looked up.
     *
     * @param value the value from dvc.yaml
     * @param context the variables
     * @param field the stage field the value is, whose lookups are checked; {@code null} for none
     * @param lookups told every name looked up, normalized ({@code list[0]} as {@code list.0}), and what it found
     * @return the value with expressions replaced
     * @throws ResolveException when a name is not defined, or names a value the field cannot hold
     */
    static Value resolve(Value value, Value.Dict context, String field, BiConsumer<String, Value> lookups) {
        if (value instanceof Value.Str str) {
            return string(str.value(), context, field, lookups);
        }
        if (value instanceof Value.Seq seq) {
            List<Value> items = new ArrayList<>();
            seq.items().forEach(item -> items.add(resolve(item, context, field, lookups)));
            return new Value.Seq(items, seq.kind());
        }
        if (value instanceof Value.Dict dict) {
            Map<String, Value> entries = new LinkedHashMap<>();
            dict.entries()
                    .forEach((key, item) -> entries.put(
                            string(key, context, field, lookups).str(), resolve(item, context, field, lookups)));
            return new Value.Dict(entries);
        }
        return value;
    }

    /** Whether a string anywhere in the value, a mapping key included, holds an unescaped {@code ${…}}. */
    static boolean interpolates(Value value) {
        if (value instanceof Value.Str str) {
            Matcher matcher = EXPRESSION.matcher(str.value());
            while (matcher.find()) {
                if (matcher.group(1) == null) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Value.Seq seq) {
            return seq.items().stream().anyMatch(Interpolator::interpolates);
        }
        if (value instanceof Value.Dict dict) {
            return dict.entries().entrySet().stream()
                    .anyMatch(entry -> interpolates(new Value.Str(entry.getKey())) || interpolates(entry.getValue()));
        }
        return false;
    }

    private static Value string(String text, Value.Dict context, String field, BiConsumer<String, Value> lookups) {
        Matcher matcher = EXPRESSION.matcher(text);
        if (matcher.matches() && matcher.group(1) == null) {
            return lookup(matcher.group(2).strip(), context, field, lookups);
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        matcher.reset();
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            if (matcher.group(1) != null) {
                out.append(matcher.group().substring(1));
            } else {
                Value found = lookup(matcher.group(2).strip(), context, field, lookups);
                out.append(found instanceof Value.Bool b ? String.valueOf(b.value()) : found.str());
            }
            last = matcher.end();
        }
        return new Value.Str(out.append(text.substring(last)).toString());
    }

    /** A name with {@code list[0]} written {@code list.0}. */
    static String normalize(String name) {
        return name.replaceAll("\\[(\\d+)]", ".$1");
    }

    /** Looks a name up, tells it with what it found, and checks that the field can hold it. */
    private static Value lookup(String name, Value.Dict context, String field, BiConsumer<String, Value> lookups) {
        Value found = lookup(name, context);
        lookups.accept(normalize(name), found);
        if (field != null && !primitive(found) && !(found instanceof Value.Dict && field.equals("cmd"))) {
            throw new ResolveException("Cannot interpolate data of type '" + PythonTypes.name(found) + "'", true);
        }
        return found;
    }

    /** DVC's {@code PRIMITIVES} ({@code int, float, str, bytes, bool}) or {@code None}. */
    private static boolean primitive(Value value) {
        return value instanceof Value.Str
                || value instanceof Value.Int
                || value instanceof Value.Float
                || value instanceof Value.Bool
                || value instanceof Value.Bytes
                || value instanceof Value.None;
    }

    /** Looks a dotted name up, {@code list[0]} being {@code list.0}. */
    private static Value lookup(String name, Value.Dict context) {
        Value current = context;
        for (String part : normalize(name).split("\\.")) {
            if (current instanceof Value.Dict dict && dict.entries().containsKey(part)) {
                current = dict.entries().get(part);
            } else if (current instanceof Value.Seq seq
                    && part.matches("\\d+")
                    && Integer.parseInt(part) < seq.items().size()) {
                current = seq.items().get(Integer.parseInt(part));
            } else {
                throw new ResolveException("Could not find '" + name + "'");
            }
        }
        return current;
    }

    /** A {@code ${…}} that names nothing, or another templating error; the revision cannot be loaded. */
    static final class ResolveException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final boolean parseError;

        ResolveException(String message) {
            this(message, false);
        }

        private ResolveException(String message, boolean parseError) {
            super(message);
            this.parseError = parseError;
        }

        /**
         * DVC's {@code format_and_raise} of it: {@code failed to parse <what>:} then the message, on a line of its own
         * for a {@code ParseError}, after a space for the others.
         */
        ResolveException failedToParse(String what) {
            return new ResolveException("failed to parse " + what + ":" + (parseError ? "\n" : " ") + getMessage());
        }
    }
}
