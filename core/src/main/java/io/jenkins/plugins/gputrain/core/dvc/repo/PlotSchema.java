package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonTypes;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plots of one {@code dvc.yaml} checked as DVC 3.67.1's schema checks them ({@code dvc/schema.py}), on the file as
 * written, before templating: top-level {@code plots} a list of paths or mappings of ids to {@code PLOT_DEFINITION}s
 * or nothing ({@code SINGLE_PLOT_SCHEMA}), a stage's (or a {@code foreach} stage's {@code do}) {@code plots} a list of
 * paths or mappings of paths to {@code PLOT_PROPS_SCHEMA} or a list of them ({@code PLOT_PSTAGE_SCHEMA}). What fails
 * fails the file's revision with DVC's {@code YAMLValidationError}; the message names the first value that fails, by
 * its path as DVC's verbose output writes it ({@code plots -> 0 -> loss.csv -> y}).
 */
final class PlotSchema {
    private static final Rule STR = new Shape("a string", Value.Str.class);
    private static final Rule BOOL = new Shape("true or false", Value.Bool.class);
    private static final Rule STR_LIST = new ListOf("a list of strings", STR);

    /** {@code PLOT_DEFINITION}: a top-level plot's properties. */
    private static final Rule DEFINITION = new Props(ordered(
            "x", new AnyOf("a string or a mapping of files to a field", STR, new MapOf("", STR)),
            "y",
                    new AnyOf(
                            "a string, a list of strings or a mapping of files to a field or a list of fields",
                            STR,
                            STR_LIST,
                            new MapOf("", new AnyOf("a string or a list of strings", STR, STR_LIST))),
            "x_label", STR,
            "y_label", STR,
            "title", STR,
            "template", STR));

    /** {@code PLOT_PROPS_SCHEMA}: a stage plots output's properties, {@code OUT_PSTAGE_DETAILED_SCHEMA}'s and plot's. */
    private static final Rule OUTPUT = new Props(ordered(
            "desc", STR,
            "type", STR,
            "labels", STR_LIST,
            "meta", new Anything(),
            "cache", BOOL,
            "persist", BOOL,
            "checkpoint", BOOL,
            "remote", STR,
            "push", BOOL,
            "template", STR,
            "x", STR,
            "y", STR,
            "x_label", STR,
            "y_label", STR,
            "title", STR,
            "header", BOOL));

    private static final Rule TOP_LEVEL_PLOTS = new ListOf(
            "a list",
            new AnyOf(
                    "a path or a mapping of a plot id to its properties",
                    STR,
                    new MapOf(
                                    "a mapping of a plot id to its properties",
                                    new AnyOf(
                                            "a mapping of plot properties or nothing",
                                            DEFINITION,
                                            new Shape("", Value.None.class)))
                            .required()));

    private static final Rule STAGE_PLOTS = new ListOf(
            "a list",
            new AnyOf(
                    "a path or a mapping of a path to its properties",
                    STR,
                    new MapOf(
                            "",
                            new AnyOf(
                                    "a mapping of plot properties or a list of them",
                                    OUTPUT,
                                    new ListOf("", OUTPUT)))));

    private PlotSchema() {}

    /**
     * Checks the plots of a {@code dvc.yaml}.
     *
     * @param dvcYaml the file's repository path
     * @param document the file as written
     * @throws UnreadableFileException DVC's {@code YAMLValidationError}, naming the file and the value that fails
     */
    static void check(String dvcYaml, Value.Dict document) throws UnreadableFileException {
        Optional<String> failure = failure(document);
        if (failure.isPresent()) {
            throw new UnreadableFileException(
                    "YAMLValidationError", "'" + dvcYaml + "' validation failed: " + failure.get());
        }
    }

    private static Optional<String> failure(Value.Dict document) {
        Value plots = document.entries().get("plots");
        if (plots != null) {
            Optional<String> failure = TOP_LEVEL_PLOTS.check(plots, List.of("plots"));
            if (failure.isPresent()) {
                return failure;
            }
        }
        if (document.entries().get("stages") instanceof Value.Dict stages) {
            for (Map.Entry<String, Value> stage : stages.entries().entrySet()) {
                Optional<String> failure = stagePlots(stage.getKey(), stage.getValue());
                if (failure.isPresent()) {
                    return failure;
                }
            }
        }
        return Optional.empty();
    }

    /** A stage's {@code plots}: DVC's {@code either_or} checks {@code do} where the stage has foreach or do. */
    private static Optional<String> stagePlots(String name, Value stage) {
        if (!(stage instanceof Value.Dict definition)) {
            return Optional.empty();
        }
        List<String> path = new ArrayList<>(List.of("stages", name));
        Value.Dict body = definition;
        if (definition.entries().containsKey("foreach") || definition.entries().containsKey("do")) {
            if (!(definition.entries().get("do") instanceof Value.Dict doBody)) {
                return Optional.empty();
            }
            path.add("do");
            body = doBody;
        }
        Value plots = body.entries().get("plots");
        if (plots == null) {
            return Optional.empty();
        }
        path.add("plots");
        return STAGE_PLOTS.check(plots, path);
    }

    private static Map<String, Rule> ordered(Object... namesAndRules) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (int i = 0; i < namesAndRules.length; i += 2) {
            rules.put((String) namesAndRules[i], (Rule) namesAndRules[i + 1]);
        }
        return rules;
    }

    /** One of the schema's validators. */
    private interface Rule {
        /** What the validator takes, as a message says it. */
        String expected();

        /** Whether the value has the validator's shape (its type), whatever its contents. */
        boolean fits(Value value);

        /** The first failure, as {@code <path>: <what>}, or empty. */
        Optional<String> check(Value value, List<String> path);

        default Optional<String> mismatch(Value value, List<String> path) {
            return Optional.of(String.join(" -> ", path) + ": expected " + expected() + ", found " + found(value));
        }
    }

    private static String found(Value value) {
        return value instanceof Value.None ? "nothing (null)" : PythonTypes.name(value);
    }

    private static List<String> child(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path);
        longer.add(name);
        return longer;
    }

    /** A Python type, as voluptuous checks {@code str}, {@code bool} or {@code None}: {@code isinstance}. */
    private record Shape(String expected, Class<? extends Value> type) implements Rule {
        @Override
        public boolean fits(Value value) {
            return type.isInstance(value);
        }

        @Override
        public Optional<String> check(Value value, List<String> path) {
            return fits(value) ? Optional.empty() : mismatch(value, path);
        }
    }

    /** {@code object}: anything. */
    private record Anything() implements Rule {
        @Override
        public String expected() {
            return "anything";
        }

        @Override
        public boolean fits(Value value) {
            return true;
        }

        @Override
        public Optional<String> check(Value value, List<String> path) {
            return Optional.empty();
        }
    }

    /** {@code [rule]}: a list, each item the rule's; an empty list too. */
    private record ListOf(String expected, Rule item) implements Rule {
        @Override
        public boolean fits(Value value) {
            return value instanceof Value.Seq seq && seq.kind() == Value.Seq.Kind.LIST;
        }

        @Override
        public Optional<String> check(Value value, List<String> path) {
            if (!fits(value)) {
                return mismatch(value, path);
            }
            List<Value> items = ((Value.Seq) value).items();
            for (int i = 0; i < items.size(); i++) {
                Optional<String> failure = item.check(items.get(i), child(path, String.valueOf(i)));
                if (failure.isPresent()) {
                    return failure;
                }
            }
            return Optional.empty();
        }
    }

    /** {@code {str: rule}}: a mapping, each value the rule's; with {@code vol.Required(str)} at least one key. */
    private record MapOf(String expected, Rule value, boolean keyRequired) implements Rule {
        MapOf(String expected, Rule value) {
            this(expected, value, false);
        }

        MapOf required() {
            return new MapOf(expected, value, true);
        }

        @Override
        public boolean fits(Value candidate) {
            return candidate instanceof Value.Dict;
        }

        @Override
        public Optional<String> check(Value candidate, List<String> path) {
            if (!fits(candidate)) {
                return mismatch(candidate, path);
            }
            Map<String, Value> entries = ((Value.Dict) candidate).entries();
            if (keyRequired && entries.isEmpty()) {
                return Optional.of(String.join(" -> ", path) + ": expected " + expected + ", found an empty mapping");
            }
            for (Map.Entry<String, Value> entry : entries.entrySet()) {
                Optional<String> failure = value.check(entry.getValue(), child(path, entry.getKey()));
                if (failure.isPresent()) {
                    return failure;
                }
            }
            return Optional.empty();
        }
    }

    /** A mapping of known keys, each with its rule; another key is voluptuous's {@code extra keys not allowed}. */
    private record Props(Map<String, Rule> rules) implements Rule {
        @Override
        public String expected() {
            return "a mapping of plot properties";
        }

        @Override
        public boolean fits(Value value) {
            return value instanceof Value.Dict;
        }

        @Override
        public Optional<String> check(Value value, List<String> path) {
            if (!fits(value)) {
                return mismatch(value, path);
            }
            for (Map.Entry<String, Value> entry : ((Value.Dict) value).entries().entrySet()) {
                Rule rule = rules.get(entry.getKey());
                List<String> at = child(path, entry.getKey());
                if (rule == null) {
                    return Optional.of(String.join(" -> ", at) + ": not a property here, expected one of "
                            + String.join(", ", rules.keySet()));
                }
                Optional<String> failure = rule.check(entry.getValue(), at);
                if (failure.isPresent()) {
                    return failure;
                }
            }
            return Optional.empty();
        }
    }

    /**
     * {@code vol.Any}: the value is checked by the first alternative of its shape (a string by {@code str}, a
     * mapping by the mapping's rule, a list by the list's), so that a failure inside it names the innermost value, as
     * voluptuous names the deepest error; a value of no alternative's shape fails with the alternatives together.
     */
    private record AnyOf(String expected, List<Rule> alternatives) implements Rule {
        AnyOf(String expected, Rule... alternatives) {
            this(expected, List.of(alternatives));
        }

        @Override
        public boolean fits(Value value) {
            return alternatives.stream().anyMatch(rule -> rule.fits(value));
        }

        @Override
        public Optional<String> check(Value value, List<String> path) {
            for (Rule rule : alternatives) {
                if (rule.fits(value)) {
                    return rule.check(value, path);
                }
            }
            return mismatch(value, path);
        }
    }
}
