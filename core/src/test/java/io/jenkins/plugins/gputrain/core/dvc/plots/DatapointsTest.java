package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rows of plot files as streamed: the same rows DVC reads, whichever list they are found in. */
class DatapointsTest {
    private static final DataFileReader READER = new DataFileReader();

    @Test
    void csvLinesEndAtNewlinesWithOrWithoutCarriageReturnAndEmptyLinesAreSkipped() throws Exception {
        assertThat(rows("loss.csv", "step,loss\r\n0,1.0\n\n1,\"0,5\"\r\n2,0.2", true))
                .containsExactly(
                        Map.of("step", str("0"), "loss", str("1.0")),
                        Map.of("step", str("1"), "loss", str("0,5")),
                        Map.of("step", str("2"), "loss", str("0.2")));
        assertThat(rows("loss.tsv", "0,x\t1.0\n1\t0.5\n", false))
                .containsExactly(Map.of("0", str("0,x"), "1", str("1.0")), Map.of("0", str("1"), "1", str("0.5")));
    }

    /**
     * DVC 3.67.1 names the fields of a file without header by its first line as a default {@code csv.reader} splits
     * it, at commas, also in a TSV file ({@code _load_sv}); the cells past them are a list under Python's
     * {@code None} (DVC's JSON writes {@code "null": ["1.0"]}).
     */
    @Test
    void aTsvFileWithoutHeaderHasAFieldPerCommaSeparatedCellOfItsFirstLine() throws Exception {
        List<Map<String, Value>> rows = rows("loss.tsv", "0\t1.0\n1\t0.5\n", false);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("0", str("0")).containsEntry(null, list(str("1.0")));
        assertThat(new ArrayList<>(rows.get(0).keySet())).containsExactly("0", null);
    }

    @Test
    void aLoneCarriageReturnEndsACsvLineAsInPythonsTextMode() throws Exception {
        assertThat(rows("loss.csv", "step,loss\r0,1.0\r1,0.5\r", true))
                .containsExactly(
                        Map.of("step", str("0"), "loss", str("1.0")), Map.of("step", str("1"), "loss", str("0.5")));
    }

    @Test
    void aQuotedCsvCellKeepsItsLineEndsAsNewlinesAsPythonsCsvModuleDoes() throws Exception {
        assertThat(rows("loss.csv", "step,note\n0,\"two\r\nli\"\"nes\r\"\n1,x\n", true))
                .containsExactly(
                        Map.of("step", str("0"), "note", str("two\nli\"nes\n")),
                        Map.of("step", str("1"), "note", str("x")));
    }

    @Test
    void theFirstJsonListOfMappingsIsTheRowsAndAListWithAnythingElseIsNot() throws Exception {
        assertThat(rows("h.json", "{\"meta\": [1, {\"a\": 1}], \"train\": {\"rows\": [{\"a\": 2}, {\"a\": 3}]}}", true))
                .containsExactly(Map.of("a", Value.Int.of(2)), Map.of("a", Value.Int.of(3)));
    }

    @Test
    void everyJsonListOfDataPointsIsMergedIndexByIndexWhateverItsKeysOrLengthAsDvcMergesThem() throws Exception {
        assertThat(rows(
                        "h.json",
                        "{\"train\": [{\"step\": 0, \"loss\": 1}, {\"step\": 1, \"loss\": 2}],"
                                + " \"val\": [{\"step\": 0, \"acc\": 3}, {\"step\": 1, \"acc\": 4}, {\"step\": 2, \"acc\": 5}]}",
                        true))
                .containsExactly(
                        Map.of("step", Value.Int.of(0), "loss", Value.Int.of(1), "acc", Value.Int.of(3)),
                        Map.of("step", Value.Int.of(1), "loss", Value.Int.of(2), "acc", Value.Int.of(4)),
                        Map.of("step", Value.Int.of(2), "acc", Value.Int.of(5)));
    }

    @Test
    void aListWhoseLaterItemsHaveAKeyTheFirstLacksIsNotDataPoints() throws Exception {
        assertThat(rows("h.json", "{\"a\": [{\"x\": 1}, {\"x\": 2, \"z\": 9}], \"b\": [{\"x\": 5}, {}]}", true))
                .containsExactly(Map.of("x", Value.Int.of(5)), Map.of());
    }

    @Test
    void anEmptyListOrATopLevelScalarIsDvcsAttributeErrorTakingTheDataPoints() {
        assertThatThrownBy(() -> rows("h.json", "{\"a\": [], \"b\": [{\"x\": 1}]}", true))
                .isInstanceOf(Datapoints.DatapointsFailure.class)
                .hasMessage("'NoneType' object has no attribute 'keys'");
        assertThatThrownBy(() -> rows("h.json", "{\"b\": [{\"x\": 1}], \"a\": []}", true))
                .isInstanceOf(Datapoints.DatapointsFailure.class)
                .hasMessage("'NoneType' object has no attribute 'keys'");
        assertThatThrownBy(() -> rows("h.json", "{\"loss\": []}", true))
                .isInstanceOf(Datapoints.DatapointsFailure.class)
                .hasMessage("'NoneType' object has no attribute 'keys'");
        assertThatThrownBy(() -> rows("h.json", "5", true))
                .isInstanceOf(Datapoints.DatapointsFailure.class)
                .hasMessage("'int' object has no attribute 'values'");
        assertThatThrownBy(() -> rows("h.yaml", "text", true))
                .isInstanceOf(Datapoints.DatapointsFailure.class)
                .hasMessage("'str' object has no attribute 'values'");
    }

    @Test
    void aFalsyFileHandsOnNothingAndOneWithoutAListOfDataPointsSaysSo() throws Exception {
        for (String falsy : List.of("[]", "{}", "null", "0")) {
            Probe probe = probe("h.json", falsy);
            assertThat(probe.rows).as(falsy).isEmpty();
            assertThat(probe.none).as(falsy).isFalse();
        }
        for (String empty : List.of("{\"acc\": 0.9}", "[1, 2]", "{\"a\": {}}", "{\"a\": [{\"x\": 1}, {\"y\": 2}]}")) {
            Probe probe = probe("h.json", empty);
            assertThat(probe.rows).as(empty).isEmpty();
            assertThat(probe.none).as(empty).isTrue();
        }
        assertThat(probe("h.json", "{\"a\": [{\"x\": 1}, {\"y\": 2}]}").inferred)
                .isEqualTo("x");
    }

    /** A receiver that records what it is told. */
    private static final class Probe
            implements Consumer<Map<String, Value>>, Datapoints.NoDatapoints, Datapoints.InferredY {
        private final List<Map<String, Value>> rows = new ArrayList<>();
        private boolean none;
        private String inferred;

        @Override
        public void accept(Map<String, Value> row) {
            rows.add(row);
        }

        @Override
        public void noDatapoints() {
            none = true;
        }

        @Override
        public void inferY(String field) {
            inferred = field;
        }
    }

    private static Probe probe(String path, String content) throws Exception {
        return Datapoints.stream(path, content.getBytes(StandardCharsets.UTF_8), true, READER, Probe::new);
    }

    @Test
    void aRepeatedJsonKeyKeepsItsLastListAsWhenReadWhole() throws Exception {
        assertThat(rows("h.json", "{\"a\": [{\"x\": 1}], \"a\": [{\"y\": 2}]}", true))
                .containsExactly(Map.of("y", Value.Int.of(2)));
    }

    @Test
    void aCandidateListThatTurnsOutNotToBeRowsHandsTheNextListANewReceiver() throws Exception {
        List<List<Map<String, Value>>> receivers = new ArrayList<>();
        Datapoints.stream(
                "h.json",
                "{\"a\": [{\"x\": 1}, 2], \"b\": [{\"x\": 3}]}".getBytes(StandardCharsets.UTF_8),
                true,
                READER,
                () -> {
                    List<Map<String, Value>> rows = new ArrayList<>();
                    receivers.add(rows);
                    return (Consumer<Map<String, Value>>) rows::add;
                });

        assertThat(receivers)
                .containsExactly(List.of(Map.of("x", Value.Int.of(1))), List.of(Map.of("x", Value.Int.of(3))));
    }

    @Test
    void aFileBeyondTheSizeLimitOrMalformedIsTheFilesError() {
        assertThatThrownBy(() -> Datapoints.read(
                        "loss.csv", "step\n0\n".getBytes(StandardCharsets.UTF_8), true, new DataFileReader(4)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("unable to read: 'loss.csv', file is larger than 4 bytes");
        assertThatThrownBy(() -> rows("h.json", "[{\"a\": 1}", true))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("unable to read: 'h.json', JSON file structure is corrupted");
    }

    private static List<Map<String, Value>> rows(String path, String content, boolean header)
            throws UnreadableFileException, Datapoints.DatapointsFailure {
        return Datapoints.read(path, content.getBytes(StandardCharsets.UTF_8), header, READER);
    }

    private static Value list(Value... items) {
        return new Value.Seq(List.of(items), Value.Seq.Kind.LIST);
    }

    private static Value str(String text) {
        return new Value.Str(text);
    }
}
