package io.jenkins.plugins.gputrain.core.dvc.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code dvc metrics show} tables (dvc/compare.py::metrics_table). */
class MetricsShowTest {
    @Test
    void unionOfSortedKeysWithDashesAndRevisionColumnFilesInCollectedOrder() {
        Map<String, FileResult> workspace = new LinkedHashMap<>();
        workspace.put("metrics.json", new FileResult.Data(new Value.Dict(Map.of("acc", new Value.Float(0.123456789)))));
        workspace.put("other.yaml", new FileResult.Data(new Value.Dict(Map.of("loss", Value.Int.of(2)))));
        workspace.put("broken.json", new FileResult.Failure("JSONFileCorruptedError", "x"));
        List<RevisionData> revisions = List.of(
                RevisionData.of("workspace", workspace),
                RevisionData.failed("HEAD", new FileResult.Failure("YAMLSyntaxError", "y")));

        assertThat(TableFormat.PLAIN.render(MetricsShow.table(revisions, true, null, TableFormat.PLAIN)))
                .isEqualTo("Revision    Path          acc      loss\n"
                        + "workspace   metrics.json  0.12346  -\n"
                        + "workspace   other.yaml    -        2\n"
                        + "workspace   broken.json   -        -\n");
    }

    @Test
    void scalarFileIsAnEmptyColumnName() {
        RevisionData revision =
                RevisionData.of("workspace", Map.of("m.yaml", new FileResult.Data(new Value.Float(1.1))));

        assertThat(TableFormat.MARKDOWN.render(MetricsShow.table(List.of(revision), false, 3, TableFormat.MARKDOWN)))
                .isEqualTo("| Path   |     |\n|--------|-----|\n| m.yaml | 1.1 |\n\n");
    }
}
