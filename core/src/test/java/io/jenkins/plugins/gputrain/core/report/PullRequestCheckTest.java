package io.jenkins.plugins.gputrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pull request check of a published report: title, Markdown summary and links (golden files). */
class PullRequestCheckTest {
    private static final Optional<String> BUILD = Optional.of("https://ci.example.com/job/ml/job/PR-7/3/");

    @TempDir
    Path workspace;

    @BeforeEach
    void project() throws Exception {
        write(
                "dvc.yaml",
                "stages:\n  train:\n    cmd: python train.py\n    metrics:\n    - evaluation/metrics.json\n"
                        + "    plots:\n    - evaluation/loss.csv:\n        x: step\n        y: loss\n");
        write("params.yaml", "lr: 0.01\n");
        Files.createDirectories(workspace.resolve("evaluation"));
        write("evaluation/metrics.json", "{\"acc\": 0.912, \"loss\": 0.25}");
        write("evaluation/loss.csv", "step,loss\n0,1.0\n1,0.5\n");
        MainCommit.of(workspace);
        write("params.yaml", "lr: 0.001\n");
        write("evaluation/metrics.json", "{\"acc\": 0.934, \"loss\": 0.31}");
        write("evaluation/loss.csv", "step,loss\n0,0.9\n1,0.3\n");
    }

    @Test
    void theCheckHasTheHeadlineTheReportsTablesAndLinks() throws IOException {
        PublishedReport report = WorkspaceReport.write(
                workspace,
                "main",
                "gpu-train",
                null,
                List.of(
                        QualityGate.parse("--gate", "evaluation/metrics.json:acc change >= -0.01"),
                        QualityGate.parse("--gate", "evaluation/metrics.json:loss value < 0.3 unstable")));

        PullRequestCheck check = PullRequestCheck.of(" ", report, BUILD, "dvc-report/", false);

        assertThat(check.name()).isEqualTo("DVC metrics");
        assertThat(check.title()).isEqualTo("Quality gates: unstable; acc 0.912 → 0.934 (+0.022)");
        assertThat(check.state()).isEqualTo(CheckState.FAILURE);
        assertThat(check.summary()).isEqualTo(golden("check-summary.md"));
        assertThat(check.text()).isEqualTo(golden("check-text.md"));
        assertThat(check.detailsUrl()).isEqualTo("https://ci.example.com/job/ml/job/PR-7/3/dvc-report/");
        assertThat(Files.readString(workspace.resolve("gpu-train/report.md")))
                .contains(check.summary().substring(check.summary().indexOf("## Params")));
    }

    @Test
    void withoutGatesTheHeadlineIsTheFirstChangedMetricAndTheCheckSucceeds() throws IOException {
        PublishedReport report = WorkspaceReport.write(workspace, "main", "gpu-train", null);

        PullRequestCheck check = PullRequestCheck.of("Model metrics", report, BUILD, "dvc-report/", false);
        PullRequestCheck failing = PullRequestCheck.of(null, report, BUILD, "dvc-report/", true);

        assertThat(check.name()).isEqualTo("Model metrics");
        assertThat(check.title()).isEqualTo("acc 0.912 → 0.934 (+0.022)");
        assertThat(check.state()).isEqualTo(CheckState.SUCCESS);
        assertThat(check.summary()).doesNotContain("Quality gates");
        assertThat(check.text())
                .startsWith("[DVC report](https://ci.example.com/job/ml/job/PR-7/3/dvc-report/) of this build\n");
        assertThat(failing.state())
                .as("the step fails the build (failOnMissing)")
                .isEqualTo(CheckState.FAILURE);
    }

    @Test
    void withoutTheBuildsAbsoluteUrlTheCheckHasNoLinksNotRelativeOnes() throws IOException {
        PublishedReport report = WorkspaceReport.write(workspace, "main", "gpu-train", null);

        PullRequestCheck check = PullRequestCheck.of(null, report, Optional.empty(), "dvc-report/", false);

        assertThat(check.text()).isEqualTo(golden("check-text-unlinked.md")).doesNotContain("](");
        assertThat(check.optionalDetailsUrl()).isEmpty();
        assertThat(check.summary())
                .as("the tables do not depend on the URL")
                .isEqualTo(PullRequestCheck.of(null, report, BUILD, "dvc-report/", false)
                        .summary());
    }

    @Test
    void noBaselineAndNoChangeAreSaid() throws IOException {
        PublishedReport noBaseline = WorkspaceReport.write(workspace, "release-9", "gpu-train", null);
        String reportMd = Files.readString(workspace.resolve("gpu-train/report.md"));
        write("params.yaml", "lr: 0.01\n");
        write("evaluation/metrics.json", "{\"acc\": 0.912, \"loss\": 0.25}");
        PublishedReport unchanged = WorkspaceReport.write(workspace, "main", "gpu-train", null);

        assertThat(PullRequestCheck.of(null, noBaseline, BUILD, "dvc-report/", false)
                        .title())
                .isEqualTo("No baseline (unknown Git revision 'release-9')");
        String summary = PullRequestCheck.of(null, noBaseline, BUILD, "dvc-report/", false)
                .summary();
        assertThat(summary)
                .as("the current metrics, as report.md shows them")
                .isEqualTo(golden("check-summary-no-baseline.md"));
        assertThat(reportMd).startsWith("# Experiment Report\n" + summary);
        assertThat(PullRequestCheck.of(null, unchanged, BUILD, "dvc-report/", false)
                        .title())
                .isEqualTo("No metric changed against main");
    }

    @Test
    void plotLinksPercentEncodeEachPathSegment() {
        PublishedReport report = reportWithFiles("gpu-train/report.md", "gpu-train/plots/loss #2 (50%)?é.png");

        PullRequestCheck check = PullRequestCheck.of(null, report, BUILD, "dvc-report/", false);

        assertThat(check.text())
                .endsWith("- [plots/loss #2 (50%)?é.png](https://ci.example.com/job/ml/job/PR-7/3/artifact/gpu-train/"
                        + "plots/loss%20%232%20%2850%25%29%3F%C3%A9.png)\n");
    }

    @Test
    void plotLinkTextIsMarkdownEscaped() {
        PublishedReport report = reportWithFiles("gpu-train/plots/a]b*c_d`e\\f[g.png");
        String shown = "plots/a\\]b\\*c\\_d\\`e\\\\f\\[g.png";

        assertThat(PullRequestCheck.of(null, report, BUILD, "dvc-report/", false)
                        .text())
                .contains("- [" + shown + "](https://ci.example.com/job/ml/job/PR-7/3/artifact/gpu-train/plots/a%5Db");
        assertThat(PullRequestCheck.of(null, report, Optional.empty(), "dvc-report/", false)
                        .text())
                .endsWith("- " + shown + "\n");
    }

    @Test
    void aLongTitleIsCutAt255CharactersWithoutSplittingACharacter() {
        String key = "k".repeat(253) + "😀" + "z".repeat(50);

        String title = PullRequestCheck.of(null, reportWithMetric(key), BUILD, "dvc-report/", false)
                .title();

        assertThat(title).isEqualTo("k".repeat(253) + "…");
        assertThat(PullRequestCheck.of(null, reportWithMetric("k".repeat(244)), BUILD, "dvc-report/", false)
                        .title())
                .as("255 characters are kept")
                .hasSize(255)
                .endsWith(" 1 → 2 (+1)");
    }

    @Test
    void aLongReasonOfAnUnfinishedCheckIsCutAt1000CharactersWithoutSplittingACharacter() {
        String reason = "x".repeat(998) + "😀" + "y".repeat(5000);

        PullRequestCheck check = PullRequestCheck.unfinished(null, false, reason);

        assertThat(check.summary()).isEqualTo("DVC report not published: " + "x".repeat(998) + "…\n");
        assertThat(PullRequestCheck.unfinished(null, true, "r".repeat(1000)).summary())
                .as("1,000 characters are kept")
                .isEqualTo("DVC report not published: the build was aborted: " + "r".repeat(1000) + "\n");
    }

    private static PublishedReport reportWithMetric(String key) {
        Table none = new Table(List.of(), List.of());
        Table metrics = new Table(
                List.of("Path", "Metric", "main", "workspace", "Change"),
                List.of(List.of("evaluation/metrics.json", key, "1", "2", "1")));
        return new PublishedReport(
                "main",
                null,
                metrics,
                none,
                none,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                new QualityGateReport(List.of()));
    }

    static PublishedReport reportWithFiles(String... files) {
        Table none = new Table(List.of(), List.of());
        return new PublishedReport(
                "main",
                null,
                none,
                none,
                none,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(files),
                new QualityGateReport(List.of()));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = PullRequestCheckTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(workspace.resolve(path), text);
    }

    @ParameterizedTest(name = "checksName ''{0}'', reportDir ''{1}''")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "null|null|DVC metrics",
                "null|gpu-train|DVC metrics",
                "' '|gpu-train/vit|DVC metrics (gpu-train/vit)",
                "null|gpu-train/resnet|DVC metrics (gpu-train/resnet)",
                "' Model metrics '|gpu-train/vit|Model metrics",
                "DVC metrics|gpu-train/vit|DVC metrics",
            })
    void theDefaultNameIsDistinctPerReportDirectoryAndAGivenNameIsKept(String given, String reportDir, String name) {
        assertThat(PullRequestCheck.nameFor(given, reportDir)).isEqualTo(name);
    }
}
