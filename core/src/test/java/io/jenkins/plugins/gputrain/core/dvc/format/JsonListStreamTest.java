package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A JSON file streamed list by list is refused exactly as when it is read whole. */
class JsonListStreamTest {
    private static final DataFileReader READER = new DataFileReader(new ReadLimits(1 << 20, 4, 4));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\uFEFF[{\"a\": 1}]",
                "[{\"a\": 1}] [",
                "[{\"a\": 1},]",
                "[{\"a\": \"\u0000\"}]",
                "{\"a\": {\"b\": {\"c\": {\"d\": [1]}}}}",
                "[1, 2, 3, 4, 5]",
                "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": [5]}",
                ""
            })
    void badFilesAreRefusedWithTheMessageOfAWholeRead(String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        String whole = message(() -> READER.read("h.json", content));

        assertThatThrownBy(() -> READER.streamJsonLists("h.json", content, new Ignored()))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(whole);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"a\": \"\u00e9\"}]", "{\"x\": {\"rows\": [{\"a\": 1}]}, \"y\": 2}"})
    void goodFilesStreamTheirLists(String text) throws Exception {
        List<Value> items = new ArrayList<>();
        READER.streamJsonLists("h.json", text.getBytes(StandardCharsets.UTF_8), new Ignored() {
            @Override
            public void item(Value item) {
                items.add(item);
            }
        });

        assertThat(items).hasSize(1).allMatch(Value.Dict.class::isInstance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid", "binary"})
    void invalidUtf8AndBinaryBytesAreRefusedAsWhenReadWhole(String kind) {
        byte[] content =
                kind.equals("binary") ? new byte[] {'[', 0, ']'} : new byte[] {'[', '"', (byte) 0xC3, '"', ']'};
        String whole = message(() -> READER.read("h.json", content));

        assertThatThrownBy(() -> READER.streamJsonLists("h.json", content, new Ignored()))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(whole);
    }

    private interface Read {
        void run() throws UnreadableFileException;
    }

    private static String message(Read read) {
        try {
            read.run();
        } catch (UnreadableFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("read whole, the file is not refused");
    }

    private static class Ignored implements DataFileReader.JsonLists {
        @Override
        public void start() {}

        @Override
        public void item(Value item) {}

        @Override
        public void end(int size) {}
    }
}
