package io.jenkins.plugins.gputrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What publishDvcMetrics writes and keeps, on the guide's celestial-bodies project (main vs the workspace). */
class WorkspaceReportTest {
    @TempDir
    Path directory;

    @Test
    void theGuideProjectGivesTheBundleTheMetricsDiffAndTheCurrentNumbers() throws IOException {
        Path workspace = FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"));

        PublishedReport report = WorkspaceReport.write(workspace, "main", "gpu-train", null);

        assertThat(report.files())
                .contains(
                        "gpu-train/metrics-diff.json",
                        "gpu-train/metrics.json",
                        "gpu-train/params-diff.json",
                        "gpu-train/report.html",
                        "gpu-train/report.md")
                .isSorted()
                .allMatch(file -> Files.isRegularFile(workspace.resolve(file)));
        assertThat(report.metrics().headers()).containsExactly("Path", "Metric", "main", "workspace", "Change");
        assertThat(report.metrics().rows()).isNotEmpty().allMatch(row -> row.get(0)
                .equals("evaluation/metrics.json"));
        assertThat(report.currentValues())
                .extracting(MetricValue::name)
                .containsExactly(
                        "evaluation/metrics.json: val_loss",
                        "evaluation/metrics.json: val_acc",
                        "evaluation/metrics.json: precision",
                        "evaluation/metrics.json: recall",
                        "evaluation/metrics.json: f1_score");
        assertThat(report.currentValues().get(1).value()).isEqualTo(0.95);
        assertThat(report.optionalNoBaseline()).isEmpty();
        assertThat(report.hasUnreadableMetrics()).isFalse();
        assertThat(report.details())
                .as("the fixture has no image plots")
                .contains("workspace: [Errno 2] No such file or directory: 'evaluation/plots/pred_preview.png'");
    }

    @Test
    void aBaselineThatCannotBeHadStillPublishesTheCurrentValues() throws IOException {
        Path workspace = FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"));

        PublishedReport report = WorkspaceReport.write(workspace, "release", "reports/dvc", null);

        assertThat(report.optionalNoBaseline()).contains("unknown Git revision 'release'");
        assertThat(report.metrics().rows()).isEmpty();
        assertThat(report.currentValues()).hasSize(5);
        assertThat(report.files()).contains("reports/dvc/report.md");
    }

    @Test
    void aMalformedMetricsFileIsInTheReportNotAFailure() throws IOException {
        Path workspace = FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"));
        Files.writeString(workspace.resolve("evaluation/metrics.json"), "{\"val_acc\": ");

        PublishedReport report = WorkspaceReport.write(workspace, "main", "gpu-train", null);

        assertThat(report.hasUnreadableMetrics()).isTrue();
        assertThat(report.unreadableMetrics())
                .anyMatch(line -> line.startsWith("workspace: evaluation/metrics.json: JSONFileCorruptedError"));
        assertThat(report.currentValues()).isEmpty();
        assertThat(Files.readString(workspace.resolve("gpu-train/report.md"))).contains("## Warnings");
    }

    @Test
    void dvcsOwnJsonGivesTheSameReportAsTheBuiltInEngine() throws IOException {
        Path workspace = FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"));
        PublishedReport builtIn = WorkspaceReport.write(workspace, "main", "builtin", null);
        DvcOutput dvc = new DvcOutput(
                Files.readString(workspace.resolve("builtin/metrics-diff.json")),
                Files.readString(workspace.resolve("builtin/params-diff.json")),
                Files.readString(workspace.resolve("builtin/metrics.json")));

        PublishedReport fromDvc = WorkspaceReport.write(workspace, "main", "dvc", dvc);

        assertThat(fromDvc.metrics()).isEqualTo(builtIn.metrics());
        assertThat(fromDvc.params()).isEqualTo(builtIn.params());
        assertThat(fromDvc.currentValues()).isEqualTo(builtIn.currentValues());
        assertThat(Files.readString(workspace.resolve("dvc/metrics-diff.json")))
                .isEqualTo(Files.readString(workspace.resolve("builtin/metrics-diff.json")));
    }

    @Test
    void outputThatIsNotDvcsJsonIsAClearError() throws IOException {
        Path workspace = FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"));

        assertThatThrownBy(() -> WorkspaceReport.write(
                        workspace, "main", "gpu-train", new DvcOutput("ERROR: unexpected error", "{}", "{}")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("'dvc metrics diff --json' did not print its JSON (unable to read");
    }

    @Test
    void aReportDirectoryOutsideTheWorkspaceIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path workspace = FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"));

        assertThatThrownBy(() -> WorkspaceReport.write(workspace, "main", "../elsewhere", null))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("reportDir '../elsewhere': leaves the workspace (expected a relative path inside the"
                        + " workspace, such as gpu-train)");
        assertThat(directory.resolveSibling("elsewhere")).doesNotExist();
    }

    @Test
    void whatTheBuildKeepsTravelsFromTheAgentUnchanged() throws Exception {
        Path workspace = FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"));
        PublishedReport report = WorkspaceReport.write(workspace, "main", "gpu-train", null);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(report);
        }
    }

    @Test
    void trendsFollowEachMetricOverTheBuildsThatHaveIt() throws IOException {
        MetricValue acc3 = new MetricValue("m.json", "acc", 0.5);
        MetricValue loss3 = new MetricValue("m.json", "loss", 0.9);
        MetricValue acc5 = new MetricValue("m.json", "acc", 0.75);

        Map<Integer, List<MetricValue>> builds = new LinkedHashMap<>();
        builds.put(3, List.of(acc3, loss3));
        builds.put(5, List.of(acc5));

        List<MetricTrend> trends = MetricTrend.of(builds);

        assertThat(trends)
                .containsExactly(
                        new MetricTrend("m.json: acc", List.of(3, 5), List.of(0.5, 0.75)),
                        new MetricTrend("m.json: loss", List.of(3), List.of(0.9)));
        assertThat(trends.get(0).png()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
