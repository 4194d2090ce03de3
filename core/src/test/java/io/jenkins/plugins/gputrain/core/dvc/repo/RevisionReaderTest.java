package io.jenkins.plugins.gputrain.core.dvc.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage params selected as DVC's {@code read_param_file} selects them ({@code dpath.search} then {@code merge});
 * targets read as DVC's file system reads them.
 */
class RevisionReaderTest {
    private static final Value.Seq TUPLE = new Value.Seq(List.of(Value.Int.of(1)), Value.Seq.Kind.TUPLE);
    private static final Value.Seq SET = new Value.Seq(List.of(Value.Int.of(1)), Value.Seq.Kind.SET);

    @Test
    void dpathMergeFailsOnTheFirstNonEmptyTupleOrSetItWalksInto() {
        assertThat(RevisionReader.unmergeable(new Value.Dict(Map.of("a", new Value.Dict(Map.of("b", SET))))))
                .contains(new FileResult.Failure("TypeError", "'set' object is not subscriptable"));
        assertThat(RevisionReader.unmergeable(
                        new Value.Dict(Map.of("a", Value.Seq.list(List.of(Value.Int.of(1), TUPLE))))))
                .contains(new FileResult.Failure("AttributeError", "'tuple' object has no attribute 'extend'"));
    }

    @Test
    void keysLoseTheirLeadingDotsAndKeepATrailingEmptyPartAsDpathSplitsThem() throws Exception {
        Value params = new Value.Dict(Map.of("a", Value.Seq.list(List.of(Value.Int.of(10), Value.Int.of(20)))));

        assertThat(RevisionReader.select(params, List.of(".a"))).isEqualTo(params);
        assertThat(RevisionReader.select(params, List.of("..a"))).isEqualTo(params);
        assertThat(RevisionReader.select(params, List.of("a."))).isEqualTo(Value.Dict.empty());
        assertThat(RevisionReader.select(params, List.of("a.1."))).isEqualTo(Value.Dict.empty());
    }

    @Test
    void aKeyReachingIntoATupleOrASetFailsTheFileAsDpathSearchDoes() throws Exception {
        Value.Seq pair = new Value.Seq(List.of(Value.Int.of(1), Value.Int.of(2)), Value.Seq.Kind.TUPLE);
        Value params = new Value.Dict(Map.of(
                "X",
                pair,
                "S",
                SET,
                "D",
                new Value.Dict(Map.of("k", pair)),
                "T",
                new Value.Seq(List.of(SET), Value.Seq.Kind.TUPLE),
                "L",
                Value.Seq.list(List.of(pair))));

        for (String key : List.of("X.0", "X.-1", "X.*", "D.k.1", "L.0.1")) {
            assertThatThrownBy(() -> RevisionReader.select(params, List.of(key)))
                    .as(key)
                    .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.type())
                            .isEqualTo("TypeError"))
                    .hasMessage("'tuple' object does not support item assignment");
        }
        for (String key : List.of("S.0", "S.*", "T.0.0")) {
            assertThatThrownBy(() -> RevisionReader.select(params, List.of(key)))
                    .as(key)
                    .hasMessage("'set' object is not subscriptable");
        }
        assertThat(RevisionReader.select(params, List.of("X.5", "S.1", "T.1"))).isEqualTo(Value.Dict.empty());
        assertThat(RevisionReader.select(params, List.of("L.0")))
                .isEqualTo(new Value.Dict(Map.of("L", Value.Seq.list(List.of(pair)))));
    }

    @Test
    void emptyTuplesAndSetsListsAndBytesMerge() {
        Value empty = new Value.Dict(Map.of(
                "t", new Value.Seq(List.of(), Value.Seq.Kind.TUPLE),
                "s", new Value.Seq(List.of(), Value.Seq.Kind.SET),
                "l", Value.Seq.list(List.of(new Value.Bytes(new byte[] {1}))),
                "b", new Value.Bytes(new byte[] {'x'})));

        assertThat(RevisionReader.unmergeable(empty)).isEmpty();
    }

    /** Each expectation is DVC 3.67.1's (dpath 2.2) on the same YAML. */
    @Test
    void keysThatAreNotStringsMatchAsDpathMatchesThem() throws Exception {
        Value params = yaml("b: {true: 1, 2: 2, 1.5: 3, null: 4, s: 5}\nl: [10, 20]\n");

        for (String key : List.of("b.1", "b.01", "b.True", "b.T*", "b. 1 ")) {
            assertThat(selectedText(params, key)).as(key).isEqualTo("{'b': {True: 1}}");
        }
        assertThat(selectedText(params, "b.\u0662")).isEqualTo("{'b': {2: 2}}");
        for (String key : List.of("b.1.5", "b.None", "b.3", "b.2.0")) {
            assertThat(RevisionReader.select(params, List.of(key))).as(key).isEqualTo(Value.Dict.empty());
        }
        assertThat(selectedText(params, "l.\u0661")).isEqualTo("{'l': [None, 20]}");
        assertThat(selectedText(params, "l.-\u0661")).isEqualTo("{'l': [None, 20]}");
        assertThat(selectedText(params, "l.\u00b9")).isEqualTo("{}");
    }

    @Test
    void dpathMergeFailsOnIntKeysBelowTheirMappingsSizeAndOnKeysWithoutALength() throws Exception {
        Value params = yaml("b: {true: 1, 2: 2, 1.5: 3, s: 5, -3: 6}\nc: {0: 1}\ne: {1: 1}\n7: 1\n"
                + "d: {5: 1, x: {1: 2, y: 3}}\n");

        for (List<String> keys : List.of(
                List.of("c"), List.of("b.-3"), List.of("b.*"), List.of("d"), List.of("d.x"), List.of("e", "d"))) {
            assertThatThrownBy(() -> RevisionReader.select(params, keys))
                    .as(keys.toString())
                    .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.type())
                            .isEqualTo("AttributeError"))
                    .hasMessage("'dict' object has no attribute 'extend'");
        }
        assertThatThrownBy(() -> RevisionReader.select(params, List.of("b.s", "b.2")))
                .isInstanceOfSatisfying(
                        UnreadableFileException.class, e -> assertThat(e.type()).isEqualTo("TypeError"))
                .hasMessage("object of type 'int' has no len()");
        assertThatThrownBy(() -> RevisionReader.select(params, List.of("7")))
                .hasMessage("object of type 'int' has no len()");
        assertThatThrownBy(() -> RevisionReader.select(params, List.of("b.s", "b.True")))
                .hasMessage("object of type 'bool' has no len()");
        assertThat(selectedText(params, "b.2", "b.s")).isEqualTo("{'b': {2: 2, 's': 5}}");
        assertThat(selectedText(params, "e")).isEqualTo("{'e': {1: 1}}");
        assertThat(selectedText(params, "d.x.1")).isEqualTo("{'d': {'x': {1: 2}}}");
    }

    private static String selectedText(Value params, String... keys) throws UnreadableFileException {
        return RevisionReader.select(params, List.of(keys)).str();
    }

    private static Value yaml(String text) throws UnreadableFileException {
        return new DataFileReader().read("p.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whereTheProjectDoesNotLoadADirectoryTargetIsADirectoryAndAMissingOneTheProjectsFailure(@TempDir Path root)
            throws Exception {
        Files.createDirectories(root.resolve("m"));
        Files.writeString(root.resolve("m/x.json"), "{\"a\": 1}");
        Files.writeString(root.resolve("dvc.yaml"), "stages: [\n");

        Map<String, FileResult> files = reader(root)
                .metrics(List.of("m", "m/x.json", "nope.json", "./"))
                .files();

        assertThat(files).containsOnlyKeys("m", "m/x.json", "nope.json", ".");
        assertThat(files.get("."))
                .isEqualTo(new FileResult.Failure("IsADirectoryError", "[Errno 21] Is a directory: '.'"));
        assertThat(files.get("m"))
                .isEqualTo(new FileResult.Failure("IsADirectoryError", "[Errno 21] Is a directory: 'm'"));
        assertThat(files.get("m/x.json")).isInstanceOf(FileResult.Data.class);
        assertThat(files.get("nope.json"))
                .isInstanceOfSatisfying(FileResult.Failure.class, failure -> assertThat(failure.type())
                        .isEqualTo("YAMLSyntaxError"));
    }

    @Test
    void whereTheProjectLoadsADirectoryTargetIsTheFilesDvcListsAndAnIgnoredOneIsADirectory(@TempDir Path root)
            throws Exception {
        Files.createDirectories(root.resolve("m/ig"));
        Files.writeString(root.resolve("m/x.json"), "{\"a\": 1}");
        Files.writeString(root.resolve("m/ig/i.json"), "{\"a\": 2}");
        Files.writeString(root.resolve("m/.dvcignore"), "ig/\n");
        Files.writeString(root.resolve("dvc.yaml"), "metrics: []\n");

        Map<String, FileResult> files =
                reader(root).metrics(List.of("m", "m/ig")).files();

        assertThat(files).containsOnlyKeys("m/x.json", "m/ig");
        assertThat(files.get("m/ig"))
                .isEqualTo(new FileResult.Failure("IsADirectoryError", "[Errno 21] Is a directory: 'm/ig'"));
    }

    @Test
    void anIgnoredParamsYamlIsNotRead(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("params.yaml"), "p: 1\n");
        Files.writeString(root.resolve("dvc.yaml"), "metrics: []\n");
        Files.writeString(root.resolve(".dvcignore"), "params.yaml\n");

        assertThat(reader(root).params(List.of(), false).files()).isEmpty();
    }

    private static RevisionReader reader(Path root) throws Exception {
        return new RevisionReader(
                "workspace",
                new WorkingTree(root, DataFileReader.DEFAULT_MAX_BYTES),
                new DvcCache(root.resolve(".dvc/cache"), DataFileReader.DEFAULT_MAX_BYTES),
                new DataFileReader());
    }
}
