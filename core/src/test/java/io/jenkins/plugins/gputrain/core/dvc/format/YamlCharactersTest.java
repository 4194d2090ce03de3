package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.render.PythonJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Characters whose reading snakeyaml-engine changed in 3.x, read as DVC 3.67.1 (ruamel.yaml) reads them: DEL refused
 * anywhere, tabs between flow tokens and an escaped tab in a double-quoted scalar taken.
 */
class YamlCharactersTest {
    private final DataFileReader reader = new DataFileReader();

    @ParameterizedTest
    @ValueSource(strings = {"a: \"x\u007Fy\"\n", "a: 'x\u007Fy'\n", "a: x\u007Fy\n", "a: 1 # \u007F\n", "- '\u007F'\n"})
    void deleteIsRefusedAnywhere(String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read("m.yaml", content))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("unable to read: 'm.yaml', YAML file structure is corrupted");
        assertThatThrownBy(() -> reader.streamLists("m.yaml", content, new RecordedLists()))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("unable to read: 'm.yaml', YAML file structure is corrupted");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = " -> ",
            value = {
                "{\t\"a\": 1} -> {\"a\": 1}",
                "{\"a\":\t1,\t\"b\": 2} -> {\"a\": 1, \"b\": 2}",
                "a: \"x\\\ty\" -> {\"a\": \"x\\ty\"}",
            })
    void tabsReadAsRuamel(String text, String json) throws UnreadableFileException {
        assertThat(new PythonJson()
                        .value(reader.read("m.yaml", text.getBytes(StandardCharsets.UTF_8)))
                        .toString())
                .isEqualTo(json);
    }
}
