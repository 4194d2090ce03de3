package io.jenkins.plugins.gputrain.core.dvc.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffTable;
import io.jenkins.plugins.gputrain.core.dvc.render.MetricsShow;
import io.jenkins.plugins.gputrain.core.dvc.render.PythonJson;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * YAML keys that Python reads as ints, floats, bools or None, as DVC 3.67.1 prints them (each expectation is DVC's
 * output on the same files): {@code json.dumps} spells them, {@code sorted()} orders them by value, keys Python holds
 * equal are one row across revisions, and nested ones are text ({@code flatten_dict}'s dot reducer).
 */
class KeysThatAreNotStringsTest {
    private static final String OLD = "10: 1\n2: 2\n1.5: 3\ntrue: 4\nfalse: 0\n-3: 1\n";
    private static final String NEW = "10: 11\n2: 2\n1.5: 3\ntrue: 44\nfalse: 0\n-3: 1\n";

    private final DataFileReader reader = new DataFileReader();
    private final DiffEngine engine = new DiffEngine();

    @Test
    void topLevelKeysSortByValueAndJsonSpellsThem() {
        List<FileDifferences> all = engine.diff(metrics(OLD), metrics(NEW), true);

        assertThat(TableFormat.PLAIN.render(
                        DiffTable.of(all, DiffKind.METRICS, "main", "workspace", true, null, TableFormat.PLAIN)))
                .isEqualTo("Path    Metric    main    workspace    Change\n"
                        + "m.yaml  -3        1       1            0\n"
                        + "m.yaml  False     0       0            0\n"
                        + "m.yaml  True      4       44           40\n"
                        + "m.yaml  1.5       3       3            0\n"
                        + "m.yaml  2         2       2            0\n"
                        + "m.yaml  10        1       11           10\n");
        assertThat(PythonJson.diff(engine.diff(metrics(OLD), metrics(NEW), false)))
                .isEqualTo("{\"m.yaml\": {\"true\": {\"old\": 4, \"new\": 44, \"diff\": 40},"
                        + " \"10\": {\"old\": 1, \"new\": 11, \"diff\": 10}}}");
    }

    @Test
    void metricsShowOrdersColumnsByValueAndWritesJsonKeysAtAnyDepth() {
        RevisionData workspace = metrics(NEW);

        assertThat(TableFormat.PLAIN.render(MetricsShow.table(List.of(workspace), false, null, TableFormat.PLAIN)))
                .isEqualTo("Path    -3    False    True    1.5    2    10\n"
                        + "m.yaml  1     0        44      3      2    11\n");
        assertThat(MetricsShow.json(List.of(metrics("n: {.inf: 1, ~: 2, 0x1F: 3, 2.0: 4, false: 5}\n"))))
                .isEqualTo("{\"rev\": {\"data\": {\"m.yaml\": {\"data\": {\"n\": {\"Infinity\": 1, \"null\": 2, \"31\":"
                        + " 3, \"2.0\": 4, \"false\": 5}}}}}}");
    }

    @Test
    void keysPythonHoldsEqualAreOneRowUnderTheOldRevisionsKey() {
        assertThat(PythonJson.diff(engine.diff(metrics("1: 1\n"), metrics("true: 2\n"), false)))
                .isEqualTo("{\"m.yaml\": {\"1\": {\"old\": 1, \"new\": 2, \"diff\": 1}}}");
        assertThat(PythonJson.diff(engine.diff(metrics("1.0: 1\n.inf: 3\n"), metrics("1: 2\n.inf: 4\n"), false)))
                .isEqualTo("{\"m.yaml\": {\"1.0\": {\"old\": 1, \"new\": 2, \"diff\": 1},"
                        + " \"Infinity\": {\"old\": 3, \"new\": 4, \"diff\": 1}}}");
    }

    @Test
    void nestedKeysAreTextAndNoneSortsAsAnyKey() {
        assertThat(PythonJson.diff(engine.diff(
                        metrics("n: {1: 5, null: 7}\n~: 1\n"), metrics("n: {1: 55, null: 8}\n~: 2\n"), false)))
                .isEqualTo("{\"m.yaml\": {\"n.1\": {\"old\": 5, \"new\": 55, \"diff\": 50},"
                        + " \"n.None\": {\"old\": 7, \"new\": 8, \"diff\": 1},"
                        + " \"null\": {\"old\": 1, \"new\": 2, \"diff\": 1}}}");
    }

    @Test
    void listsPrintDictKeysAsTheirRepr() {
        assertThat(PythonJson.diff(
                        engine.diff(params("l: [{1: a, 'true': b}]\n"), params("l: [{1.5: a, ~: b}]\n"), false)))
                .isEqualTo("{\"p.yaml\": {\"l\": {\"old\": \"[{1: 'a', 'true': 'b'}]\","
                        + " \"new\": \"[{1.5: 'a', None: 'b'}]\"}}}");
    }

    private RevisionData metrics(String text) {
        return RevisionData.of(
                "rev", Map.of("m.yaml", new FileResult.Data(MetricsFilter.extract(read("m.yaml", text)))));
    }

    private RevisionData params(String text) {
        return RevisionData.of("rev", Map.of("p.yaml", new FileResult.Data(read("p.yaml", text))));
    }

    private Value read(String path, String text) {
        try {
            return reader.read(path, text.getBytes(StandardCharsets.UTF_8));
        } catch (UnreadableFileException e) {
            throw new AssertionError(e);
        }
    }
}
