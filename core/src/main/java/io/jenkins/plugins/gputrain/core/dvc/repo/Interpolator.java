package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonTypes;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * DVC's {@code ${…}} interpolation in {@code dvc.yaml} ({@code Context.resolve_str}, {@code dvc/parsing/context.py},
 * 3.67.1): a string that is one expression and nothing else ({@code is_exact_string}) becomes the value looked up,
 * with its type; any other string is text with each expression's value stringified ({@code to_str}: booleans as
 * {@code true}/{@code false}), then the backslash of every {@code \${…}} dropped, so {@code \${a}} stays literal.
 * Names are looked up as {@link ContextPath} reads them. Mapping keys are interpolated too ({@code - ${out}/m.json:}
 * with output flags). In a stage's field a value looked up must be a scalar or null, a mapping also in {@code cmd}, as
 * DVC's {@code validate_value} requires ({@code dvc/parsing/interpolate.py}); the {@code foreach}/{@code matrix} data
 * and top-level definitions are not checked, as in DVC.
 */
final class Interpolator {
    /** DVC's {@code KEYCRE}: {@code ${…}} not preceded by a backslash, up to the first closing brace on the line. */
    private static final Pattern EXPRESSION = Pattern.compile("(?<!\\\\)\\$\\{([^\\n]*?)}");

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
     * Interpolates every string inside a value, reporting each value looked up.
     *
     * @param value the value from dvc.yaml
     * @param context the variables
     * @param field the stage field the value is, whose lookups are checked; {@code null} for none
     * @param lookups told the own path of every value looked up ({@code l.1} for {@code l[-1]} in a list of two) and
     *     the value
     * @return the value with expressions replaced
     * @throws ResolveException when a name is not defined, or names a value the field cannot hold
     */
    static Value resolve(Value value, Value.Dict context, String field, BiConsumer<String, Value> lookups) {
        return resolve(value, context, field, lookups, "", null);
    }

    /**
     * Interpolates {@code foreach}/{@code matrix} data, telling where in the result a value looked up stands whole, as
     * DVC keeps those values' nodes ({@code resolve(…, unwrap=False)}) with their source.
     *
     * @param value the data from dvc.yaml
     * @param context the variables
     * @return the data and the own path of each value an exact expression gave, by its dotted place in the data
     *     ({@code ""} for the whole)
     * @throws ResolveException when a name is not defined
     */
    static Sourced resolveSourced(Value value, Value.Dict context) {
        Map<String, String> sources = new LinkedHashMap<>();
        Value resolved = resolve(value, context, null, (name, found) -> {}, "", sources);
        return new Sourced(resolved, sources);
    }

    /**
     * Interpolated data and where the values of exact expressions stand in it.
     *
     * @param value the data
     * @param sources dotted place in the data to the own path of the value looked up there
     */
    record Sourced(Value value, Map<String, String> sources) {
        /** Copies the sources. */
        Sourced {
            sources = Map.copyOf(sources);
        }
    }

    private static Value resolve(
            Value value,
            Value.Dict context,
            String field,
            BiConsumer<String, Value> lookups,
            String at,
            Map<String, String> sources) {
        if (value instanceof Value.Str str) {
            return string(str.value(), context, field, lookups, at, sources);
        }
        if (value instanceof Value.Seq seq) {
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                items.add(resolve(seq.items().get(i), context, field, lookups, child(at, String.valueOf(i)), sources));
            }
            return new Value.Seq(items, seq.kind());
        }
        if (value instanceof Value.Dict dict) {
            Map<String, Value> entries = new LinkedHashMap<>();
            dict.entries().forEach((key, item) -> {
                String resolvedKey =
                        string(key, context, field, lookups, at, null).str();
                entries.put(resolvedKey, resolve(item, context, field, lookups, child(at, resolvedKey), sources));
            });
            return new Value.Dict(entries);
        }
        return value;
    }

    /** A dotted place one step below another. */
    static String child(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    /**
     * Parses every {@code ${…}} in the value, mapping keys included, without looking anything up (DVC's
     * {@code check_recursive_parse_errors}).
     *
     * @param value the value from dvc.yaml
     * @throws ResolveException DVC's {@code ParseError} for the first name that does not parse
     */
    static void checkSyntax(Value value) {
        if (value instanceof Value.Str str) {
            EXPRESSION.matcher(str.value()).results().forEach(match -> ContextPath.parse(match.group(1)));
        } else if (value instanceof Value.Seq seq) {
            seq.items().forEach(Interpolator::checkSyntax);
        } else if (value instanceof Value.Dict dict) {
            dict.entries().forEach((key, item) -> {
                checkSyntax(new Value.Str(key));
                checkSyntax(item);
            });
        }
    }

    /** Whether a string anywhere in the value, a mapping key included, holds an unescaped {@code ${…}}. */
    static boolean interpolates(Value value) {
        if (value instanceof Value.Str str) {
            return EXPRESSION.matcher(str.value()).find();
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

    private static Value string(
            String text,
            Value.Dict context,
            String field,
            BiConsumer<String, Value> lookups,
            String at,
            Map<String, String> sources) {
        List<MatchResult> matches = EXPRESSION.matcher(text).results().toList();
        if (matches.size() == 1 && matches.get(0).group().length() == text.length()) {
            ContextPath.Found found = lookup(matches.get(0).group(1), context, field, lookups);
            if (sources != null) {
                sources.put(at, found.path());
            }
            return found.value();
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (MatchResult match : matches) {
            out.append(text, last, match.start())
                    .append(toStr(
                            lookup(match.group(1), context, field, lookups).value()));
            last = match.end();
        }
        return new Value.Str(out.append(text.substring(last)).toString().replace("\\${", "${"));
    }

    /** DVC's {@code to_str} of a scalar: Python's {@code str()}, booleans as {@code true}/{@code false}. */
    static String toStr(Value value) {
        return value instanceof Value.Bool b ? String.valueOf(b.value()) : value.str();
    }

    /** Looks a name up, tells its path with what it found, and checks that the field can hold it. */
    private static ContextPath.Found lookup(
            String inner, Value.Dict context, String field, BiConsumer<String, Value> lookups) {
        ContextPath.Found found = ContextPath.parse(inner).select(context);
        lookups.accept(found.path(), found.value());
        if (field != null
                && !primitive(found.value())
                && !(found.value() instanceof Value.Dict && field.equals("cmd"))) {
            throw ResolveException.parseError(
                    "Cannot interpolate data of type '" + PythonTypes.name(found.value()) + "'");
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

        /** DVC's {@code ParseError}, which {@link #failedToParse} puts on a line of its own. */
        static ResolveException parseError(String message) {
            return new ResolveException(message, true);
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
