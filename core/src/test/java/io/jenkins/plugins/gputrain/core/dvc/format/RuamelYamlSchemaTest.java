package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonRepr;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plain YAML scalars as ruamel.yaml 0.19.1's safe loader (DVC's) gives them; every expected value is what {@code
 * repr(parse_yaml("a: " + text, "m.yaml")["a"])} printed with DVC 3.67.1's venv.
 */
class RuamelYamlSchemaTest {
    private final DataFileReader reader = new DataFileReader();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = " -> ",
            quoteCharacter = '"',
            value = {
                "0b101 -> 5",
                "0b1_0 -> 2",
                "-0b11 -> -3",
                "+0x1F -> 31",
                "0x_1F -> 31",
                "0o17 -> 15",
                "017 -> 17",
                "08 -> 8",
                "1_ -> 1",
                "1__2 -> 12",
                "0_ -> 0",
                "1_0.5 -> 10.5",
                "1_000.0_1 -> 1000.01",
                "1_e5 -> 100000.0",
                "1. -> 1.0",
                "+.5 -> 0.5",
                "09.5 -> 9.5",
                "1.5E+3 -> 1500.0",
                "-.inf -> -inf",
                ".NaN -> nan",
                ".5e3 -> '.5e3'",
                "1e_5 -> '1e_5'",
                "_1 -> '_1'",
                "0x -> '0x'",
                "0b -> '0b'",
                "1:30 -> '1:30'",
                "-.nan -> '-.nan'",
                "2001-1-14 -> '2001-1-14'",
                "2001-12-14 -> datetime.date(2001, 12, 14)",
                "2001-12-14T21:59:43Z -> datetime.datetime(2001, 12, 14, 21, 59, 43,"
                        + " tzinfo=datetime.timezone(datetime.timedelta(0), 'Z'))",
                "2001-12-14 21:59:43.10 -5 -> datetime.datetime(2001, 12, 14, 21, 59, 43, 100000,"
                        + " tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400), '-5'))",
                "2001-12-14t21:59:43.123456789+01:30 -> datetime.datetime(2001, 12, 14, 21, 59, 43, 123457,"
                        + " tzinfo=datetime.timezone(datetime.timedelta(seconds=5400), '+01:30'))",
                "2001-12-14 21:59:43.9999999 -> datetime.datetime(2001, 12, 14, 21, 59, 44)",
                "2001-1-2 3:04:05 -> datetime.datetime(2001, 1, 2, 3, 4, 5)",
            })
    void plainScalarsAsRuamelResolvesThem(String text, String repr) throws UnreadableFileException {
        // a list, so that PythonRepr prints the item as Python's repr of the list would
        assertThat(PythonRepr.repr(item("a: [" + text + "]"))).isEqualTo("[" + repr + "]");
    }

    @Test
    void timestampsPrintAsPythonStrAndEqualOnesCompareEqual() throws UnreadableFileException {
        Value.DateTime utc = (Value.DateTime) item("a: 2001-12-14T21:59:43Z");
        Value.DateTime offset = (Value.DateTime) item("a: 2001-12-14 16:59:43 -5");

        assertThat(utc.str()).isEqualTo("2001-12-14 21:59:43+00:00");
        assertThat(offset.str()).isEqualTo("2001-12-14 16:59:43-05:00");
        assertThat(((Value.DateTime) item("a: 2001-12-14 21:59:43.10 -5")).str())
                .isEqualTo("2001-12-14 21:59:43.100000-05:00");
        assertThat(utc.pythonEquals(offset)).isTrue();
    }

    @Test
    void quotedScalarsStayStrings() throws UnreadableFileException {
        assertThat(item("a: '0b101'")).isEqualTo(new Value.Str("0b101"));
        assertThat(item("a: \"2001-12-14\"")).isEqualTo(new Value.Str("2001-12-14"));
    }

    @Test
    void scalarsPythonCannotConstructMakeTheFileUnreadable() {
        for (String text : List.of("a: 0b_", "a: +_", "a: 2001-13-14", "a: 2001-12-14 25:00:00", "a: =")) {
            assertThatThrownBy(() -> item(text))
                    .as(text)
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessage("unable to read: 'm.yaml', YAML file structure is corrupted");
        }
    }

    private Value item(String yaml) throws UnreadableFileException {
        Value.Dict file = (Value.Dict) reader.read("m.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return file.entries().get("a");
    }
}
