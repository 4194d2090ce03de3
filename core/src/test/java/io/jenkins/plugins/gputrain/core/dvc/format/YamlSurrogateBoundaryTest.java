package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.render.PythonJson;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A surrogate pair (U+1F600) at every offset around snakeyaml-engine's read windows (1024 characters, and the next),
 * read by every YAML path: whole (plain and composed) and streamed. snakeyaml-engine 2.9 threw
 * {@link IndexOutOfBoundsException} from {@code StreamReader.update} when the pair straddled a window; DVC 3.67.1 reads
 * such a file.
 */
class YamlSurrogateBoundaryTest {
    private static final String EMOJI = "\uD83D\uDE00";
    /** The pair as Python's {@code json.dumps} (which DVC's {@code --json} uses) writes it. */
    private static final String EMOJI_JSON = "\\ud83d\\ude00";

    private final DataFileReader reader = new DataFileReader();

    static IntStream offsets() {
        return IntStream.concat(IntStream.rangeClosed(1000, 1060), IntStream.rangeClosed(2030, 2090));
    }

    @ParameterizedTest(name = "pair at {0}")
    @MethodSource("offsets")
    void plainDocumentReadsThePair(int offset) throws UnreadableFileException {
        String text = withPairAt(offset, "note: ", "\nacc: 0.5\n");
        assertThat(reader.plainYaml("metrics.yaml", text)).hasValueSatisfying(value -> assertThat(json(value))
                .isEqualTo("{\"note\": \"" + padding(offset, "note: ") + EMOJI_JSON + "\", \"acc\": 0.5}"));
        assertThat(json(reader.read("metrics.yaml", text.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(json(reader.plainYaml("metrics.yaml", text).orElseThrow()));
    }

    @ParameterizedTest(name = "pair at {0}")
    @MethodSource("offsets")
    void composedDocumentReadsThePair(int offset) throws UnreadableFileException {
        String text = withPairAt(offset, "a: &n ", "\nb: *n\n");
        String note = "\"" + padding(offset, "a: &n ") + EMOJI_JSON + "\"";
        assertThat(json(reader.read("params.yaml", text.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("{\"a\": " + note + ", \"b\": " + note + "}");
    }

    @ParameterizedTest(name = "pair at {0}")
    @MethodSource("offsets")
    void streamedListReadsThePair(int offset) throws UnreadableFileException {
        String text = withPairAt(offset, "- x: 1\n  note: ", "\n- x: 2\n");
        RecordedLists lists = new RecordedLists();
        reader.streamLists("plots.yaml", text.getBytes(StandardCharsets.UTF_8), lists);
        assertThat(lists.lists()).hasSize(1);
        assertThat(lists.lists().get(0).stream().map(YamlSurrogateBoundaryTest::json))
                .containsExactly(
                        "{\"x\": 1, \"note\": \"" + padding(offset, "- x: 1\n  note: ") + EMOJI_JSON + "\"}",
                        "{\"x\": 2}");
    }

    /** head, padding, then the pair's high surrogate at offset (a character index), then tail. */
    private static String withPairAt(int offset, String head, String tail) {
        String text = head + padding(offset, head) + EMOJI + tail;
        assertThat(Character.isHighSurrogate(text.charAt(offset))).isTrue();
        return text;
    }

    private static String padding(int offset, String head) {
        return "a".repeat(offset - head.length());
    }

    private static String json(Value value) {
        return new PythonJson().value(value).toString();
    }
}
