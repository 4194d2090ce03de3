package io.jenkins.plugins.gputrain.core.dvc.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What DVC printed with {@code --json}, read back into the model and printed again identically. */
class DvcJsonAdapterTest {
    private final DvcJsonAdapter adapter = new DvcJsonAdapter();

    @Test
    void metricsDiffRoundTrips() throws UnreadableFileException {
        String dvc = "{\"m.json\": {\"a.b.c\": {\"old\": 1, \"new\": 3, \"diff\": 2}, \"a.b.e\": {\"old\": \"1\","
                + " \"new\": \"3\"}}, \"x.yaml\": {\"\": {\"old\": null, \"new\": 1.5}}}";

        assertThat(PythonJson.diff(adapter.diff(dvc))).isEqualTo(dvc);
    }

    @Test
    void paramsDiffListsAndBooleansKeepTheirTypes() throws UnreadableFileException {
        String dvc = "{\"params.yaml\": {\"flag\": {\"old\": true, \"new\": false, \"diff\": -1}, \"foo\": {\"old\":"
                + " \"['bar', 'baz']\", \"new\": \"['bar', 'baz', 'qux']\"}}}";

        assertThat(PythonJson.diff(adapter.diff(dvc))).isEqualTo(dvc);
        assertThat(TableFormat.PLAIN.render(DiffTable.of(
                        adapter.diff(dvc), DiffKind.PARAMS, "HEAD", "workspace", true, null, TableFormat.PLAIN)))
                .isEqualTo("Path         Param    HEAD            workspace\n"
                        + "params.yaml  flag     True            False\n"
                        + "params.yaml  foo      ['bar', 'baz']  ['bar', 'baz', 'qux']\n");
    }

    @Test
    void emptyDiff() throws UnreadableFileException {
        assertThat(adapter.diff("{}")).isEmpty();
    }

    @Test
    void metricsShowWithErrors() throws UnreadableFileException {
        List<RevisionData> revisions = adapter.metricsShow("{\"\": {\"data\": {\"m.json\": {\"data\":"
                + " {\"acc\": 0.9}}, \"bad.json\": {\"error\": {\"type\": \"JSONFileCorruptedError\", \"msg\": \"x\"}}}},"
                + " \"HEAD\": {\"error\": {\"type\": \"YAMLSyntaxError\", \"msg\": \"dvc.yaml\"}}}");

        assertThat(revisions).extracting(RevisionData::name).containsExactly("workspace", "HEAD");
        assertThat(revisions.get(0).files().get("bad.json"))
                .isEqualTo(new FileResult.Failure("JSONFileCorruptedError", "x"));
        assertThat(revisions.get(1).optionalError()).contains(new FileResult.Failure("YAMLSyntaxError", "dvc.yaml"));
        assertThat(MetricsShow.json(revisions))
                .isEqualTo("{\"\": {\"data\": {\"m.json\": {\"data\": {\"acc\": 0.9}}, \"bad.json\": {\"error\":"
                        + " {\"type\": \"JSONFileCorruptedError\", \"msg\": \"x\"}}}},"
                        + " \"HEAD\": {\"error\": {\"type\": \"YAMLSyntaxError\", \"msg\": \"dvc.yaml\"}}}");
    }

    @Test
    void plotsDiffImagesAndVegaData() throws UnreadableFileException {
        List<DvcPlot> plots = adapter.plots("{\"data\": {\"cm.png\": [{\"type\": \"image\", \"revisions\":"
                + " [\"main\"], \"url\": \"dvc_plots/static/main_cm.png\"}], \"loss.tsv\": [{\"type\": \"vega\","
                + " \"revisions\": [\"workspace\", \"main\"], \"content\": {\"title\": {\"text\": \"Loss\"},"
                + " \"data\": {\"values\": [{\"step\": \"0\", \"loss\": \"0.5\", \"rev\": \"main\"}]},"
                + " \"layer\": [{\"encoding\": {\"x\": {\"field\": \"step\"}, \"y\": {\"field\": \"loss\"}}}]}}]}}");

        assertThat(plots).hasSize(2);
        assertThat(plots.get(0))
                .isEqualTo(new DvcPlot(
                        "cm.png",
                        true,
                        List.of("main"),
                        "dvc_plots/static/main_cm.png",
                        "cm.png",
                        null,
                        null,
                        List.of()));
        DvcPlot loss = plots.get(1);
        assertThat(loss.title()).isEqualTo("Loss");
        assertThat(loss.x()).isEqualTo("step");
        assertThat(loss.y()).isEqualTo("loss");
        assertThat(loss.revisions()).containsExactly("workspace", "main");
        assertThat(loss.datapoints()).hasSize(1);
        assertThatThrownBy(() -> adapter.plots("{\"data\": {\"p\": 1}}"))
                .hasMessage("not DVC --json output: plot 'p' is not a list");
    }

    @Test
    void notDvcOutput() {
        assertThatThrownBy(() -> adapter.diff("[1]"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("not DVC --json output: expected a JSON object, found [1]");
        assertThatThrownBy(() -> adapter.diff("{\"m.json\": {\"a\": {\"old\": 1}}}"))
                .hasMessage("not DVC --json output: entry 'a' of 'm.json' lacks old/new");
        assertThatThrownBy(() -> adapter.diff("{")).hasMessageContaining("JSON file structure is corrupted");
    }
}
