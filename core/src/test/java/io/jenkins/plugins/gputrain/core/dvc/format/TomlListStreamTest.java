package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.plots.Datapoints;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TOML plot files streamed line by line ({@link TomlListStream}) hand on exactly the lists of a whole read (the
 * Jackson TOML parser's tree), with the same values; what the stream does not read is left to the whole read.
 */
class TomlListStreamTest {
    private static final DataFileReader READER = new DataFileReader();

    @Property(tries = 400)
    void aGeneratedTomlPlotFileStreamsTheListsOfItsWholeRead(@ForAll("plotFiles") String text) throws Exception {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        List<List<Value>> whole = RecordedLists.inWholeRead(READER.read("p.toml", content));
        RecordedLists streamed = new RecordedLists();

        READER.streamLists("p.toml", content, streamed);

        assertThat(streamed.lists()).as(text).isEqualTo(whole);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "comments",
                "quoted-keys",
                "dotted-keys",
                "multi-line-strings",
                "arrays",
                "second-array-of-tables",
                "array-of-tables-resumed",
                "nested-tables-in-rows",
                "inline-rows",
                "values",
                "big-integers"
            })
    void edgeCasesGiveTheRowsOfAWholeReadStreamedOrReadWhole(String name) throws Exception {
        byte[] content = resource(name + ".toml");
        String expected = new String(resource(name + ".txt"), StandardCharsets.UTF_8);
        String path;
        try {
            RecordedLists streamed = new RecordedLists();
            READER.streamLists("p.toml", content, streamed);
            assertThat(streamed.lists()).isEqualTo(RecordedLists.inWholeRead(READER.read("p.toml", content)));
            path = "streamed";
        } catch (DataFileReader.ReadWholeException e) {
            path = "read whole";
        }
        StringBuilder actual = new StringBuilder(path).append('\n');
        for (Map<String, Value> row : Datapoints.read("p.toml", content, true, READER)) {
            actual.append(new Value.Dict(row).str()).append('\n');
        }
        if (!actual.toString().equals(expected)) {
            Files.writeString(Path.of("target", "toml-streams-" + name + ".actual.txt"), actual);
        }
        assertThat(actual.toString()).as(name).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> plotFiles() {
        Arbitrary<String> keys =
                Arbitraries.of("step", "loss", "acc", "\"a b\"", "'lit.key'", "x-1", "_y", "1", "\"é\"");
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.longs()
                        .between(-999_999_999_999_999_999L, 999_999_999_999_999_999L)
                        .map(String::valueOf),
                Arbitraries.of("1_000", "+5", "-0", "0", "0xDEAD_beef", "0o755", "0b1101", "0x7fffffffffffffffff"),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "nan"),
                Arbitraries.of(
                        "1e5",
                        "-2.5E-3",
                        "3.141_592",
                        "+1.0",
                        "-0.0",
                        "-0e5",
                        "-0.000_0E-7",
                        "-1e-400",
                        "4.9e-324",
                        "2.2250738585072011e-308",
                        "9007199254740993.0",
                        "0.1000000000000000055511151231257827021181583404541015625",
                        "inf",
                        "-inf",
                        "+nan",
                        "1e400",
                        "6.02e+23"),
                Arbitraries.of("true", "false"),
                Arbitraries.of(
                        "1979-05-27",
                        "07:32:00",
                        "07:32:00.999999",
                        "1979-05-27T07:32:00",
                        "1979-05-27 07:32:00.5",
                        "1979-05-27t07:32:00Z",
                        "1979-05-27T00:32:00-07:00",
                        "1979-05-27T07:32:00.123+05:30"),
                Arbitraries.of(
                        "\"plain\"",
                        "\"\"",
                        "\"tab\\tquote\\\" back\\\\ \\u00e9 \\U0001F600 \\b\\f\\n\\r\"",
                        "'C:\\path'",
                        "\"ünïcödé ✓\"",
                        "'#not a comment'"));
        Arbitrary<String> values = Arbitraries.recursive(
                () -> scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(items -> "[" + String.join(", ", items) + "]"),
                        inner.list()
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .map(items -> "[\n  " + String.join(", # c\n  ", items) + ",\n]"),
                        Combinators.combine(keys, inner).as((k, v) -> "{ " + k + " = " + v + " }"),
                        Arbitraries.just("{}")),
                0,
                2);
        Arbitrary<String> tableRows = pairs(keys, values, "\n")
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(rows -> {
                    StringBuilder text = new StringBuilder();
                    for (String row : rows) {
                        text.append("[[rows]]\n").append(row).append("\n[rows.sub]\nk = 1\n\n");
                    }
                    return text.toString();
                });
        Arbitrary<String> inlineRows = pairs(keys, values.filter(v -> !v.contains("\n")), ", ")
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(rows -> "rows = [\n  {" + String.join("},\n  {", rows) + "}\n]\n");
        Arbitrary<String> preamble = Arbitraries.of(
                "",
                "# a plot\n",
                "title = \"loss\"\nsteps = [1, 2]\n",
                "[meta]\nlr = 0.1\n[meta.hist]\nh = [[1, 2], [3]]\n");
        Arbitrary<String> after =
                Arbitraries.of("", "\n# end", "[other]\nx = [{a = 1}]\n", "[[more]]\nq = 1\n[[more]]\nq = 2\n");
        return Combinators.combine(
                        preamble, Arbitraries.oneOf(tableRows, inlineRows), after, Arbitraries.of(false, true))
                .as((head, rows, tail, crlf) -> {
                    String text = head + rows + tail;
                    return crlf ? text.replace("\n", "\r\n") : text;
                });
    }

    /** Distinct keys with values, each {@code key = value}, joined by a separator. */
    private static Arbitrary<String> pairs(Arbitrary<String> keys, Arbitrary<String> values, String separator) {
        return Combinators.combine(
                        keys.list().uniqueElements().ofMinSize(1).ofMaxSize(4),
                        values.list().ofSize(4))
                .as((names, vals) -> {
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        pairs.add(names.get(i) + (i % 2 == 0 ? " = " : "\t=\t") + vals.get(i));
                    }
                    return String.join(separator, pairs);
                });
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TomlListStreamTest.class.getResourceAsStream("toml-streams/" + name)) {
            assertThat(in).as("golden file toml-streams/" + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
