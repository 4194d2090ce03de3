package io.jenkins.plugins.gputrain.core.dvc.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffTable;
import io.jenkins.plugins.gputrain.core.dvc.render.PythonJson;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of dvc-diff-spec.md §6, §7 and §11, each as stated there (and in DVC's own tests). */
class DvcDiffSpecTest {
    private final DataFileReader reader = new DataFileReader();
    private final DiffEngine engine = new DiffEngine();

    @Test
    void scalarFile() {
        assertThat(metricsJson(Map.of("m.yaml", "1"), Map.of("m.yaml", "3")))
                .isEqualTo("{\"m.yaml\": {\"\": {\"old\": 1, \"new\": 3, \"diff\": 2}}}");
    }

    @Test
    void nestedStringAndNumber() {
        assertThat(metricsJson(
                        Map.of("m.yaml", "a: {b: {c: 1, d: 1, e: '1'}}"),
                        Map.of("m.yaml", "a: {b: {c: 3, d: 1, e: '3'}}")))
                .isEqualTo("{\"m.yaml\": {\"a.b.c\": {\"old\": 1, \"new\": 3, \"diff\": 2},"
                        + " \"a.b.e\": {\"old\": \"1\", \"new\": \"3\"}}}");
    }

    @Test
    void newAndDeletedMetric() {
        assertThat(metricsJson(Map.of(), Map.of("m.json", "{\"a\": {\"b\": {\"c\": 1}}}")))
                .isEqualTo("{\"m.json\": {\"a.b.c\": {\"old\": null, \"new\": 1}}}");
        assertThat(metricsJson(Map.of("m.json", "{\"a\": {\"b\": {\"c\": 1}}}"), Map.of()))
                .isEqualTo("{\"m.json\": {\"a.b.c\": {\"old\": 1, \"new\": null}}}");
    }

    @Test
    void paramsListsCompareAsTheirPythonRepr() {
        assertThat(paramsJson(Map.of("params.yaml", "foo: [bar, baz]"), Map.of("params.yaml", "foo: [bar, baz, qux]")))
                .isEqualTo("{\"params.yaml\": {\"foo\": {\"old\": \"['bar', 'baz']\", \"new\": \"['bar', 'baz',"
                        + " 'qux']\"}}}");
    }

    @Test
    void wholeFileParamsKeyRemovedAndAdded() {
        assertThat(paramsJson(
                        Map.of("params.yaml", "foo: {bar: bar}\nx: '0'\n"),
                        Map.of("params.yaml", "foo: {bar: baz}\ny: '100'\n")))
                .isEqualTo("{\"params.yaml\": {\"foo.bar\": {\"old\": \"bar\", \"new\": \"baz\"}, \"x\": {\"old\":"
                        + " \"0\", \"new\": null}, \"y\": {\"old\": null, \"new\": \"100\"}}}");
    }

    @Test
    void nothingChangedIsEmpty() {
        assertThat(metricsJson(Map.of("m.json", "{\"a\": 1}"), Map.of("m.json", "{\"a\": 1.0}")))
                .isEqualTo("{}");
        assertThat(metricsJson(Map.of("m.json", "{\"a\": true}"), Map.of("m.json", "{\"a\": 1}")))
                .isEqualTo("{}");
    }

    @Test
    void allKeepsUnchangedWithZeroDiffAndBothTypes() {
        List<FileDifferences> files = engine.diff(
                metrics(Map.of("m.json", "{\"a\": 1, \"b\": \"x\"}")),
                metrics(Map.of("m.json", "{\"a\": 1.0, \"b\": \"x\"}")),
                true);

        assertThat(PythonJson.diff(files))
                .isEqualTo("{\"m.json\": {\"a\": {\"old\": 1, \"new\": 1.0, \"diff\": 0.0},"
                        + " \"b\": {\"old\": \"x\", \"new\": \"x\"}}}");
    }

    @Test
    void booleansAreNumbers() {
        assertThat(metricsJson(Map.of("m.json", "{\"ok\": true}"), Map.of("m.json", "{\"ok\": false}")))
                .isEqualTo("{\"m.json\": {\"ok\": {\"old\": true, \"new\": false, \"diff\": -1}}}");
    }

    @Test
    void floatDiffIsUnroundedInJson() {
        assertThat(metricsJson(Map.of("m.json", "{\"acc\": 0.9}"), Map.of("m.json", "{\"acc\": 0.95}")))
                .isEqualTo("{\"m.json\": {\"acc\": {\"old\": 0.9, \"new\": 0.95, \"diff\": 0.04999999999999993}}}");
    }

    @Test
    void stringVersusNumberIsChangedWithoutDiff() {
        assertThat(metricsJson(Map.of("m.json", "{\"a\": \"1\"}"), Map.of("m.json", "{\"a\": 1}")))
                .isEqualTo("{\"m.json\": {\"a\": {\"old\": \"1\", \"new\": 1}}}");
    }

    @Test
    void brokenWorkspaceFileDiffsAsMissing() {
        RevisionData old = metrics(Map.of("m.json", "{\"a\": {\"b\": {\"c\": 1, \"d\": 1, \"e\": \"3\"}}}"));
        RevisionData workspace = RevisionData.of(
                "workspace",
                Map.of(
                        "m.json",
                        new FileResult.Failure(
                                "JSONFileCorruptedError",
                                "unable to read: 'm.json', JSON file structure is" + " corrupted")));

        assertThat(PythonJson.diff(engine.diff(old, workspace, false)))
                .isEqualTo("{\"m.json\": {\"a.b.c\": {\"old\": 1, \"new\": null}, \"a.b.d\": {\"old\": 1, \"new\":"
                        + " null}, \"a.b.e\": {\"old\": \"3\", \"new\": null}}}");
        assertThat(workspace.hasErrors()).isTrue();
    }

    @Test
    void rowsSortByCodePoint() {
        assertThat(engine.diff(
                                metrics(Map.of()),
                                metrics(Map.of(
                                        "m.json",
                                        "{\"b\": 1, \"a_b\": 1, \"a2\": 1, \"a10\": 1, \"a\": {\"b\": 1}, \"B\": 1}")),
                                false)
                        .get(0)
                        .differences())
                .extracting(Difference::key)
                .containsExactly("B", "a.b", "a10", "a2", "a_b", "b");
    }

    @Test
    void scalarFileAddedGivesNoRowAndScalarAgainstMappingIsUnableToParse() {
        assertThat(metricsJson(Map.of(), Map.of("m.yaml", "1.5"))).isEqualTo("{}");
        assertThat(metricsJson(Map.of("m.yaml", "1.5"), Map.of("m.yaml", "a: 1")))
                .isEqualTo("{\"m.yaml\": {\"a\": {\"old\": \"unable to parse\", \"new\": 1}}}");
    }

    @Test
    void metricsDropListsNullsAndEmptyMappingsButKeepFalseyNumbers() {
        Value value = MetricsFilter.extract(
                read("m.json", "{\"foo\": 0, \"bar\": 0.0, \"baz\": {}, \"l\": [1]," + " \"n\": null}"));

        assertThat(PythonJson.object(((Value.Dict) value).entries())).isEqualTo("{\"foo\": 0, \"bar\": 0.0}");
    }

    @Test
    void plainTableAsDvcPrintsIt() {
        List<FileDifferences> files = engine.diff(
                metrics(Map.of("m.yaml", "foo: 1.23456789")), metrics(Map.of("m.yaml", "foo: 3.456789")), false);

        assertThat(TableFormat.PLAIN.render(
                        DiffTable.of(files, DiffKind.METRICS, "HEAD~2", "workspace", true, null, TableFormat.PLAIN)))
                .isEqualTo("Path    Metric    HEAD~2    workspace    Change\n"
                        + "m.yaml  foo       1.23457   3.45679      2.22222\n");
    }

    @Test
    void markdownTableAsDvcPrintsIt() {
        List<FileDifferences> files = engine.diff(
                metrics(Map.of("metrics.yaml", "a: {b: {c: 1}, d: {e: 3}}\nx: {b: 5}")),
                metrics(Map.of("metrics.yaml", "a: {b: {c: 2}, d: {e: 4}}\nx: {b: 6}")),
                false);
        List<FileDifferences> stringChange = List.of(new FileDifferences(
                "metrics.yaml",
                List.of(
                        files.get(0).differences().get(0),
                        files.get(0).differences().get(1),
                        new Difference("x.b", Value.Int.of(5), Value.Int.of(6), null))));

        assertThat(TableFormat.MARKDOWN.render(DiffTable.of(
                        stringChange, DiffKind.METRICS, "HEAD", "workspace", true, null, TableFormat.MARKDOWN)))
                .isEqualTo(
                        """
                        | Path         | Metric   | HEAD   | workspace   | Change   |
                        |--------------|----------|--------|-------------|----------|
                        | metrics.yaml | a.b.c    | 1      | 2           | 1        |
                        | metrics.yaml | a.d.e    | 3      | 4           | 1        |
                        | metrics.yaml | x.b      | 5      | 6           | -        |

                        """);
    }

    @Test
    void emptyDiffIsHeaderOnlyInMarkdownAndNothingInPlain() {
        assertThat(TableFormat.MARKDOWN.render(DiffTable.of(
                        List.of(), DiffKind.METRICS, "HEAD", "workspace", true, null, TableFormat.MARKDOWN)))
                .isEqualTo(
                        """
                        | Path   | Metric   | HEAD   | workspace   | Change   |
                        |--------|----------|--------|-------------|----------|

                        """);
        assertThat(TableFormat.PLAIN.render(
                        DiffTable.of(List.of(), DiffKind.METRICS, "HEAD", "workspace", true, null, TableFormat.PLAIN)))
                .isEmpty();
    }

    @Test
    void paramsTableHasNoChangeColumnAndUnroundedFloats() {
        List<FileDifferences> files = engine.diff(
                params(Map.of("params.yaml", "foo: bar\nlr: 0.000123456789")),
                params(Map.of("params.yaml", "foo: qux\nlr: 0.0001")),
                false);

        assertThat(TableFormat.MARKDOWN.render(
                        DiffTable.of(files, DiffKind.PARAMS, "HEAD", "workspace", true, null, TableFormat.MARKDOWN)))
                .isEqualTo(
                        """
                        | Path        | Param   | HEAD           | workspace   |
                        |-------------|---------|----------------|-------------|
                        | params.yaml | foo     | bar            | qux         |
                        | params.yaml | lr      | 0.000123456789 | 0.0001      |

                        """);
    }

    @Test
    void noPathAndPrecision() {
        List<FileDifferences> files = engine.diff(
                metrics(Map.of("m.json", "{\"a\": 2.2345}")), metrics(Map.of("m.json", "{\"a\": 1.0}")), false);

        assertThat(TableFormat.PLAIN.render(
                        DiffTable.of(files, DiffKind.METRICS, "HEAD", "workspace", false, 3, TableFormat.PLAIN)))
                .isEqualTo("Metric    HEAD    workspace    Change\na         2.235   1.0          -1.235\n");
    }

    @Test
    void pipeInMarkdownCellIsEscaped() {
        List<FileDifferences> files =
                engine.diff(params(Map.of("params.yaml", "a: x|y")), params(Map.of("params.yaml", "a: z")), false);

        assertThat(TableFormat.MARKDOWN.render(
                        DiffTable.of(files, DiffKind.PARAMS, "HEAD", "workspace", true, null, TableFormat.MARKDOWN)))
                .contains("| x\\|y ");
    }

    @Test
    void jsonEscapesNonAsciiAndKeepsNanBare() {
        assertThat(PythonJson.object(Map.of("é", new Value.Float(Double.NaN)))).isEqualTo("{\"\\u00e9\": NaN}");
    }

    private String metricsJson(Map<String, String> old, Map<String, String> current) {
        return PythonJson.diff(engine.diff(metrics(old), metrics(current), false));
    }

    private String paramsJson(Map<String, String> old, Map<String, String> current) {
        return PythonJson.diff(engine.diff(params(old), params(current), false));
    }

    private RevisionData metrics(Map<String, String> files) {
        Map<String, FileResult> results = new LinkedHashMap<>();
        files.forEach((path, text) -> results.put(path, new FileResult.Data(MetricsFilter.extract(read(path, text)))));
        return RevisionData.of("rev", results);
    }

    private RevisionData params(Map<String, String> files) {
        Map<String, FileResult> results = new LinkedHashMap<>();
        files.forEach((path, text) -> results.put(path, new FileResult.Data(read(path, text))));
        return RevisionData.of("rev", results);
    }

    private Value read(String path, String text) {
        try {
            return reader.read(path, text.getBytes(StandardCharsets.UTF_8));
        } catch (UnreadableFileException e) {
            throw new AssertionError(e);
        }
    }
}
