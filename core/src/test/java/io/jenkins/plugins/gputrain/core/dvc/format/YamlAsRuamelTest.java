package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonRepr;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * YAML directives, tags and keys as DVC 3.67.1 reads them: each document of {@code yaml-as-ruamel.txt} with what DVC's
 * own {@code parse_yaml} (ruamel.yaml 0.19.1) gave, one line per document, written by running it. Where Python
 * raises an error other than a YAML one (an assertion, an unhashable key), DVC fails the file all the same; gpu-train
 * names it {@code YAMLFileCorruptedError} (docs/dvc-reports.md).
 */
class YamlAsRuamelTest {
    private static final String ERROR = "ERROR ";
    private final DataFileReader reader = new DataFileReader();

    static Stream<Arguments> documents() throws IOException {
        try (InputStream in = YamlAsRuamelTest.class.getResourceAsStream("yaml-as-ruamel.txt")) {
            ObjectMapper json = new ObjectMapper();
            List<Arguments> cases = new java.util.ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int arrow = line.indexOf(" => ");
                String yaml = json.readValue("\"" + line.substring(0, arrow) + "\"", String.class);
                cases.add(Arguments.of(yaml, line.substring(arrow + 4)));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource("documents")
    void readsAsDvcsParseYaml(String yaml, String expected) {
        assertThat(entries(yaml)).isEqualTo(expected.startsWith(ERROR) ? ERROR + "YAMLFileCorruptedError" : expected);
    }

    @Test
    void theDocumentsCoverEveryRuleAndTheirErrors() throws IOException {
        assertThat(documents().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aCollectionThatContainsItselfIsRefusedWhereDvcPrintsItAsPythonDoes() {
        // DVC: a=[[...]] (Python's repr of a recursive list); a value cannot hold itself here (docs/dvc-reports.md)
        assertThatThrownBy(() -> reader.read("m.yaml", "a: &x [*x]\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("unable to read: 'm.yaml', YAML file structure is corrupted");
    }

    @Test
    void keysPythonHoldsApartButThatPrintAlikeAreOneKeyTheLastValueAtTheFirstPlace() {
        // DVC: {1: 'a', '1': 'b'}, two rows named 1; values here are keyed by their text (docs/dvc-reports.md)
        assertThat(entries("1: a\n'1': b\nc: 0\n")).isEqualTo("1='b'; c=0");
    }

    private String entries(String yaml) {
        try {
            Value.Dict file = (Value.Dict) reader.read("m.yaml", yaml.getBytes(StandardCharsets.UTF_8));
            return file.entries().entrySet().stream()
                    .map(e -> e.getKey() + "=" + PythonRepr.repr(e.getValue()))
                    .collect(Collectors.joining("; "));
        } catch (UnreadableFileException e) {
            return ERROR + e.type();
        }
    }
}
