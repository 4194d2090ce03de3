package io.jenkins.plugins.gputrain.core.dvc.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The plots of a {@code dvc.yaml} against DVC 3.67.1's schema ({@code dvc/schema.py}: {@code PLOT_DEFINITION} for
 * top-level plots, {@code PLOT_PROPS_SCHEMA} for stage plots outputs): every property with a value of each type its
 * validator refuses fails, naming the file and the property; the values it takes pass.
 */
class PlotSchemaTest {
    private static final List<String> NOT_STR = List.of("5", "1.5", "true", "null", "[a]", "{k: v}", "2020-01-01");
    private static final List<String> NOT_BOOL = List.of("1", "'false'", "null", "[true]", "{k: v}");

    /** A property's validator as values it takes and values it refuses. */
    private record Rule(String name, List<String> valid, List<String> invalid) {}

    private static final List<Rule> TOP_LEVEL = List.of(
            new Rule(
                    "x",
                    List.of("step", "{a.csv: step}", "{}"),
                    List.of("5", "true", "null", "[step]", "{a.csv: [step]}", "{a.csv: 5}", "{a.csv: null}")),
            new Rule(
                    "y",
                    List.of("loss", "[loss, acc]", "[]", "{a.csv: loss}", "{a.csv: [loss, acc]}"),
                    List.of(
                            "5",
                            "false",
                            "null",
                            "[1]",
                            "[[loss]]",
                            "[null]",
                            "{a.csv: 5}",
                            "{a.csv: [1]}",
                            "{a.csv: {f: loss}}")),
            new Rule("x_label", List.of("s"), NOT_STR),
            new Rule("y_label", List.of("l"), NOT_STR),
            new Rule("title", List.of("T"), NOT_STR),
            new Rule("template", List.of("scatter"), NOT_STR));

    private static final List<Rule> STAGE = List.of(
            new Rule("x", List.of("step"), List.of("5", "[step]", "{a.csv: step}", "null")),
            new Rule("y", List.of("loss"), List.of("5", "[loss]", "{a.csv: loss}", "null")),
            new Rule("x_label", List.of("s"), NOT_STR),
            new Rule("y_label", List.of("l"), NOT_STR),
            new Rule("title", List.of("T"), NOT_STR),
            new Rule("template", List.of("scatter"), NOT_STR),
            new Rule("header", List.of("false", "true"), NOT_BOOL),
            new Rule("cache", List.of("false"), NOT_BOOL),
            new Rule("persist", List.of("true"), NOT_BOOL),
            new Rule("checkpoint", List.of("true"), NOT_BOOL),
            new Rule("push", List.of("false"), NOT_BOOL),
            new Rule("remote", List.of("store"), NOT_STR),
            new Rule("desc", List.of("d"), NOT_STR),
            new Rule("type", List.of("model"), NOT_STR),
            new Rule("labels", List.of("[a, b]", "[]"), List.of("a", "[1]", "null", "{a: b}")),
            new Rule("meta", List.of("{any: [1, {x: null}]}", "5", "null"), List.of()));

    /** A property with a value, and where it is: top-level, stage or foreach stage. */
    private record Case(String place, Rule property, String value) {
        String dvcYaml() {
            String props = "{" + property.name() + ": " + value + "}";
            return switch (place) {
                case "top-level" -> "plots:\n  - a.csv: " + props + "\n";
                case "stage" -> "stages:\n  s:\n    cmd: echo\n    plots:\n      - a.csv: " + props + "\n";
                default ->
                    "stages:\n  s:\n    foreach: [1]\n    do:\n      cmd: echo\n      plots:\n        - a.csv: " + props
                            + "\n";
            };
        }

        String path() {
            return switch (place) {
                case "top-level" -> "plots -> 0 -> a.csv -> " + property.name();
                case "stage" -> "stages -> s -> plots -> 0 -> a.csv -> " + property.name();
                default -> "stages -> s -> do -> plots -> 0 -> a.csv -> " + property.name();
            };
        }
    }

    @Property
    void aValueOfATypeThePropertysValidatorRefusesFailsNamingTheFileAndTheProperty(@ForAll("invalid") Case invalid)
            throws Exception {
        UnreadableFileException e = failure(invalid.dvcYaml());

        assertThat(e).as(invalid.dvcYaml()).isNotNull();
        assertThat(e.type()).isEqualTo("YAMLValidationError");
        assertThat(e.getMessage()).startsWith("'sub/dvc.yaml' validation failed: " + invalid.path());
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Property
    void theValuesThePropertysValidatorTakesPass(@ForAll("valid") Case valid) throws Exception {
        assertThat(failure(valid.dvcYaml())).as(valid.dvcYaml()).isNull();
    }

    @Provide
    Arbitrary<Case> invalid() {
        return cases(false);
    }

    @Provide
    Arbitrary<Case> valid() {
        return cases(true);
    }

    /** Every property of every place with each value, taken or refused: few enough for jqwik to try them all. */
    private static Arbitrary<Case> cases(boolean valid) {
        List<Case> cases = new ArrayList<>();
        for (String place : List.of("top-level", "stage", "foreach")) {
            for (Rule property : place.equals("top-level") ? TOP_LEVEL : STAGE) {
                for (String value : valid ? property.valid() : property.invalid()) {
                    cases.add(new Case(place, property, value));
                }
            }
        }
        return Arbitraries.of(cases);
    }

    @Example
    void theMessageSaysWhatWasExpectedAndWhatWasFound() throws Exception {
        assertThat(failure("plots:\n  - a.csv: {y: 5}\n").getMessage())
                .isEqualTo("'sub/dvc.yaml' validation failed: plots -> 0 -> a.csv -> y: expected a string, a list of"
                        + " strings or a mapping of files to a field or a list of fields, found int");
        assertThat(failure("plots:\n  - b.csv: {x: {f: [a]}}\n").getMessage())
                .isEqualTo("'sub/dvc.yaml' validation failed: plots -> 0 -> b.csv -> x -> f: expected a string,"
                        + " found list");
        assertThat(failure("plots:\n  - a.csv: {title: null}\n").getMessage())
                .endsWith("plots -> 0 -> a.csv -> title: expected a string, found nothing (null)");
    }

    @Example
    void aPropertyTheSchemaLacksFailsNamingThePropertiesItHas() throws Exception {
        assertThat(failure("plots:\n  - h.csv: {x: step, header: false}\n").getMessage())
                .isEqualTo("'sub/dvc.yaml' validation failed: plots -> 0 -> h.csv -> header: not a property here,"
                        + " expected one of x, y, x_label, y_label, title, template");
        assertThat(failure("stages:\n  s:\n    cmd: echo\n    plots:\n      - a.csv: {colour: red}\n")
                        .getMessage())
                .startsWith("'sub/dvc.yaml' validation failed: stages -> s -> plots -> 0 -> a.csv -> colour: not a"
                        + " property here, expected one of desc, type, labels, meta, cache,");
    }

    @Example
    void thePlotsListAndItsEntriesHaveTheSchemasShapes() throws Exception {
        assertThat(failure("plots: a.csv\n").getMessage()).endsWith(": plots: expected a list, found str");
        assertThat(failure("plots:\n").getMessage()).endsWith(": plots: expected a list, found nothing (null)");
        assertThat(failure("plots:\n  - 5\n").getMessage())
                .endsWith(": plots -> 0: expected a path or a mapping of a plot id to its properties, found int");
        assertThat(failure("plots:\n  - {}\n").getMessage())
                .endsWith(": plots -> 0: expected a mapping of a plot id to its properties, found an empty mapping");
        assertThat(failure("plots:\n  - a.csv: [x]\n").getMessage())
                .endsWith(": plots -> 0 -> a.csv: expected a mapping of plot properties or nothing, found list");
        assertThat(failure("plots:\n  - a.csv: {}\n    b.csv: {y: 1}\n").getMessage())
                .as("every key of an entry, though DVC reads the first only")
                .contains("plots -> 0 -> b.csv -> y");
        String stage = "stages:\n  s:\n    cmd: echo\n    plots:";
        assertThat(failure(stage + " a.csv\n").getMessage())
                .endsWith(": stages -> s -> plots: expected a list, found str");
        assertThat(failure(stage + "\n").getMessage())
                .endsWith(": stages -> s -> plots: expected a list, found nothing (null)");
        assertThat(failure(stage + "\n      - a.csv:\n").getMessage())
                .endsWith(": stages -> s -> plots -> 0 -> a.csv: expected a mapping of plot properties or a list of"
                        + " them, found nothing (null)");
        assertThat(failure(stage + "\n      - a.csv: [{cache: 1}]\n").getMessage())
                .endsWith(": stages -> s -> plots -> 0 -> a.csv -> 0 -> cache: expected true or false, found int");
    }

    @Example
    void whatTheSchemaTakesPasses() throws Exception {
        assertThat(failure("plots:\n  - a.csv\n  - b.csv:\n  - c: {y: {a.csv: loss}}\n  - d.csv: {}\n"))
                .isNull();
        assertThat(failure("stages:\n  s:\n    cmd: echo\n    plots:\n      - a.csv\n      - {}\n"
                        + "      - b.csv: {cache: false}\n        c.csv: [{cache: false}]\n"))
                .isNull();
        assertThat(failure("stages:\n  s: 5\n  t:\n    foreach: [1]\n  u:\n    cmd: echo\nmetrics: [m.json]\n"))
                .as("what is no plots is left to the rest of the loader")
                .isNull();
    }

    @Example
    void valuesAreCheckedAsWrittenBeforeTemplating() throws Exception {
        assertThat(failure("vars: [{n: 5}]\nplots:\n  - a.csv: {title: '${n}'}\n"))
                .isNull();
    }

    /** The failure of a {@code dvc.yaml} at {@code sub/dvc.yaml}, or null when it passes. */
    private static UnreadableFileException failure(String dvcYaml) throws UnreadableFileException {
        Value document = new DataFileReader().read("dvc.yaml", dvcYaml.getBytes(StandardCharsets.UTF_8));
        Value.Dict mapping = document instanceof Value.Dict dict ? dict : new Value.Dict(Map.of());
        return catchThrowableOfType(UnreadableFileException.class, () -> PlotSchema.check("sub/dvc.yaml", mapping));
    }

    @Example
    void anEmptyDocumentPasses() {
        assertThatCode(() -> PlotSchema.check("dvc.yaml", new Value.Dict(Map.of())))
                .doesNotThrowAnyException();
    }
}
