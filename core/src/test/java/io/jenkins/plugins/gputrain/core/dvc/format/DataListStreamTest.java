package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * JSON, YAML and TOML files streamed list by list hand on the lists a whole read finds (the top-level list, or every
 * list that is a mapping's value, depth first), and are refused exactly as when read whole.
 */
class DataListStreamTest {
    private static final DataFileReader READER = new DataFileReader(new ReadLimits(1 << 20, 6, 6));
    private static final DataFileReader JSON_READER = new DataFileReader(new ReadLimits(1 << 20, 4, 4));

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
    void badJsonFilesAreRefusedWithTheMessageOfAWholeRead(String text) {
        assertRefusedAsWhenReadWhole(JSON_READER, "h.json", text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"a\": \"\u00e9\"}]", "{\"x\": {\"rows\": [{\"a\": 1}]}, \"y\": 2}"})
    void goodJsonFilesStreamTheirLists(String text) throws Exception {
        RecordedLists recorded = new RecordedLists();
        JSON_READER.streamLists("h.json", text.getBytes(StandardCharsets.UTF_8), recorded);

        assertThat(recorded.lists().stream().flatMap(List::stream).toList())
                .hasSize(1)
                .allMatch(Value.Dict.class::isInstance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid", "binary"})
    void invalidUtf8AndBinaryJsonBytesAreRefusedAsWhenReadWhole(String kind) {
        byte[] content =
                kind.equals("binary") ? new byte[] {'[', 0, ']'} : new byte[] {'[', '"', (byte) 0xC3, '"', ']'};

        assertRefusedAsWhenReadWhole(JSON_READER, "h.json", content);
    }

    @Property(tries = 500)
    void aYamlDocumentStreamsTheListsOfItsWholeRead(@ForAll("documents") Object document, @ForAll boolean flow) {
        String text = new Dump(DumpSettings.builder()
                        .setDefaultFlowStyle(flow ? FlowStyle.FLOW : FlowStyle.BLOCK)
                        .build())
                .dumpToString(document);

        assertStreamsAsReadWhole("p.yaml", text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rows:\n- a: 1\n  b: x\n- a: 2\n  b: y\nother: [1, 2]\n",
                "- {a: 1}\n- 2\n- [3]\n",
                "x: {y: {rows: [{a: 1}, {a: 2}]}}\nz: [{a: 3}]\n",
                "1: [{a: 1}]\n'2': [{a: 2}]\n~: [{a: 3}]\n2001-12-14: [{a: 4}]\nfalse: [{a: 5}]\n",
                "rows:\n- a: !!str 1\n  b: !!float 2\n- !!map {a: 3}\n",
                "rows: [!!binary aGk=, !!set {x, y}, !!omap [{k: 1}], !!pairs [{k: 1}], [[1, 2], {? [3]: 4}]]\n",
                "!!str 1: [{a: 1}]\n!!binary aGk=: [{a: 2}]\n!!int 2: [{a: 3}]\n",
                "%YAML 1.1\n---\nrows: [{a: yes, b: 017, c: 1:20, d: 1:20.5, e: 0o17}]\noff: [{a: y}]\n",
                "%YAML 1.2\n---\nrows: [{a: yes, b: 017, c: 1:20}]\n",
                "--- [{a: 1}]\n...\n",
                "\uFEFF[{a: 1}]",
                "# only a comment\n",
                "just a scalar\n",
                "[]",
                "{}"
            })
    void yamlFilesStreamTheListsOfTheirWholeRead(String text) {
        assertStreamsAsReadWhole("p.yaml", text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rows: [{a: 1}, {a: 2}]\nrows: [{a: 3}]\n",
                "rows: [{a: 1}, {a: 1, a: 2}]\n",
                "rows: [{a: 1}]\n1: x\n1.0: y\n",
                "rows: [{a: 1}]\n1: x\ntrue: y\n",
                "%YAML 1.1\n---\nrows: [{a: 1}]\nyes: x\ntrue: y\n",
                "%YAML 1.1\n---\nrows: [{a: 1}, {on: 1, true: 2}]\n",
                "%YAML 1.3\n---\nrows: [{a: 1}]\n",
                "rows: [{a: 1}]\n!!binary a: x\n",
                "rows: [{a: 1}]\n!custom k: x\n",
                "rows: [{a: 1}, {? {b: 1} : c}]\n",
                "rows: [{a: 1}]\nx: !!int abc\n",
                "rows: [{a: !!int abc}]\ndeep: [[[[[[[1]]]]]]]\n",
                "rows: [{a: 1}, {a: !!int abc}, {a: 3}]\n",
                "rows: [{a: 1}]\n--- [{a: 2}]\n",
                "rows: [{a: 1}]\n  bad: indentation\n",
                "rows: [{a: 1}, {a: [1, 2, 3, 4, 5, 6, 7]}]\n",
                "rows: [{a: {b: {c: {d: {e: 1}}}}}]\n",
                "rows: [{a: 1}\n",
                "rows: [{a: \"\u0000\"}]\n"
            })
    void badYamlFilesAreRefusedWithTheMessageOfAWholeRead(String text) {
        assertRefusedAsWhenReadWhole(READER, "p.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aYaml11DocumentsRowsStreamWithItsBooleansOctalsAndBase60() throws Exception {
        RecordedLists streamed = new RecordedLists();

        READER.streamLists(
                "p.yaml",
                "%YAML 1.1\n---\nrows: [{a: yes, b: 017, c: 1:20}]\n".getBytes(StandardCharsets.UTF_8),
                streamed);

        assertThat(streamed.lists())
                .containsExactly(List.of(new Value.Dict(Map.of(
                        "a", new Value.Bool(true),
                        "b", new Value.Int(BigInteger.valueOf(15)),
                        "c", new Value.Int(BigInteger.valueOf(80))))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rows: &r [{a: 1}]\nagain: *r\n",
                "rows: [&a {a: 1}, *a]\n",
                "rows: [{a: &x 1}, {a: *x}]\n",
                "base: &b {a: 1}\nrows: [{<<: *b, c: 2}]\n",
                "rows: !!seq [{a: 1}]\n",
                "!!omap [{a: 1}]\n",
                "? [k]\n: [{a: 1}]\n",
                "1: [{a: 1}]\n'1': [{a: 2}]\n"
            })
    void anchorsMergeKeysAndTaggedCollectionsOnTheWayAreReadWhole(String text) {
        assertThatThrownBy(
                        () -> READER.streamLists("p.yaml", text.getBytes(StandardCharsets.UTF_8), new RecordedLists()))
                .isInstanceOf(DataFileReader.ReadWholeException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[[rows]]\na = 1\n[[rows]]\na = 2\n[other]\nx = [1, 2]\n",
                "rows = [{a = 1}, {a = 2}]\n",
                "x = 1\n[t.u]\nrows = [{a = 1979-05-27T07:32:00Z}]\n",
                "x = 1\n"
            })
    void tomlFilesStreamTheListsOfTheirWholeRead(String text) {
        assertStreamsAsReadWhole("p.toml", text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rows = [1, 2, 3, 4, 5, 6, 7]\n",
                "[[rows]]\na = 1\n[[rows]]\na = 2\n[[rows]]\na = 3\n[[rows]]\na = 4\n[[rows]]\na = 5\n"
                        + "[[rows]]\na = 6\n[[rows]]\na = 7\n",
                "[t]\na = 1\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6\ng = 7\n"
            })
    void tomlFilesWithTooManyEntriesAreRefusedWithTheMessageOfAWholeRead(String text) {
        assertRefusedAsWhenReadWhole(READER, "p.toml", text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rows = [{a = 1}\n",
                "rows = [{a = {b = {c = {d = {e = 1}}}}}]\n",
                "a = 1\na = 2\n",
                "rows = [1, 2, 3, 4, 5, 6, 7]\nbroken =\n",
                "[a.b.c.d.e.f]\nx = 1\n",
                "[[a.b.c.d.e]]\nx = 1\n"
            })
    void brokenOrTooDeepTomlFilesAreLeftToTheWholeReadWhichRefusesThem(String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        message(() -> READER.read("p.toml", content));

        assertThatThrownBy(() -> READER.streamLists("p.toml", content, new RecordedLists()))
                .isInstanceOf(DataFileReader.ReadWholeException.class);
    }

    @Provide
    Arbitrary<Object> documents() {
        Arbitrary<String> keys = Arbitraries.of("a", "b", "rows", "1", "x y", "true", "2.5");
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.integers().between(-1000, 1000).map(Object.class::cast),
                Arbitraries.doubles().between(-10, 10).map(Object.class::cast),
                Arbitraries.of("text", "1.5", "yes", "~", "", "a: b", "- c").map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        return Arbitraries.recursive(
                () -> scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(Object.class::cast),
                        Arbitraries.maps(keys, inner).ofMaxSize(4).map(Object.class::cast)),
                0,
                4);
    }

    @Property
    void aZeroOrNonAsciiByteAnywhereIsRefusedAsTheWholeReadRefusesIt(
            @ForAll @IntRange(min = 0, max = 42) int position, @ForAll("bad bytes") byte bad) {
        // 43 bytes: five words the check reads eight bytes at a time, then three bytes one at a time
        byte[] content = "[{\"a\": 1, \"b\": \"xyz\"}, {\"a\": 2, \"b\": \"uv\"}]".getBytes(StandardCharsets.UTF_8);
        content[position] = bad;

        assertRefusedAsWhenReadWhole(JSON_READER, "p.json", content);
    }

    @Provide("bad bytes")
    Arbitrary<Byte> badBytes() {
        return Arbitraries.of((byte) 0, (byte) 0x80, (byte) 0xC3, (byte) 0xFF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"a\": \"é\"}]", "[{\"a\": 1, \"b\": \"xyz\"}, {\"a\": 2, \"b\": \"é\"}]"})
    void validUtf8PastAsciiInAWordOrTheTailStreams(String text) {
        assertStreamsAsReadWhole("p.json", text);
    }

    /** Streamed, the file is refused with the message of its whole read. */
    private static void assertRefusedAsWhenReadWhole(DataFileReader reader, String path, byte[] content) {
        String whole = message(() -> reader.read(path, content));

        assertThatThrownBy(() -> reader.streamLists(path, content, new RecordedLists()))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(whole);
    }

    /** Streamed and whole, the same non-empty lists or the same error (or a file only the whole read reads). */
    private static void assertStreamsAsReadWhole(String path, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        Object whole;
        try {
            whole = nonEmpty(RecordedLists.inWholeRead(READER.read(path, content)));
        } catch (UnreadableFileException e) {
            whole = e.getMessage();
        }
        RecordedLists streamed = new RecordedLists();
        Object stream;
        try {
            READER.streamLists(path, content, streamed);
            stream = nonEmpty(streamed.lists());
        } catch (UnreadableFileException e) {
            stream = e.getMessage();
        }
        assertThat(stream).as(text).isEqualTo(whole);
    }

    private static List<List<Value>> nonEmpty(List<List<Value>> lists) {
        return lists.stream().filter(list -> !list.isEmpty()).toList();
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
}
