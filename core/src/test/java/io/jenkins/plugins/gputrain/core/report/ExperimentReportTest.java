package io.jenkins.plugins.gputrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report bundle on a small project with metrics, params, a data plot, a confusion plot and an image plot. */
class ExperimentReportTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path repository;

    @TempDir
    Path out;

    @BeforeEach
    void project() throws Exception {
        write(
                "dvc.yaml",
                """
                stages:
                  evaluate:
                    cmd: python evaluate.py
                    metrics:
                    - metrics.json:
                        cache: false
                    plots:
                    - loss.tsv:
                        cache: false
                        x: step
                        y: loss
                    - confusion.json:
                        cache: false
                        template: confusion
                        x: actual
                        y: predicted
                    - importance.png:
                        cache: false
                """);
        write("params.yaml", "lr: 0.01\nepochs: 10\n");
        write("metrics.json", "{\"acc\": 0.5, \"<script>alert(1)</script>\": 1}");
        write("loss.tsv", "step\tloss\n0\t1.0\n1\t0.5\n2\t0.25\n");
        write(
                "confusion.json",
                "{\"cm\": [{\"actual\": \"0\", \"predicted\": \"0\"}, {\"actual\": \"1\","
                        + " \"predicted\": \"0\"}]}");
        Files.write(repository.resolve("importance.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1});
        MainCommit.of(repository);
        write("params.yaml", "lr: 0.001\nepochs: 10\n");
        write("metrics.json", "{\"acc\": 0.75, \"<script>alert(1)</script>\": 2}");
        write("loss.tsv", "step\tloss\n0\t0.9\n1\t0.3\n2\t0.1\n");
        Files.write(repository.resolve("importance.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 2});
    }

    @Test
    void bundleHasEveryFileWithDiffsAndPlots() throws Exception {
        ReportContent content = report("main", out);

        for (String file : ExperimentReport.FILES) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        assertThat(content.warnings()).isEmpty();
        assertThat(Files.readString(out.resolve("report.md")))
                .contains(
                        "## Params workspace vs. main\n| Path        | Param   | main   | workspace   |",
                        "| params.yaml | lr      | 0.01   | 0.001       |",
                        "| metrics.json | acc                       | 0.5    | 0.75        | 0.25     |",
                        "![](./plots/loss.tsv.png \"loss.tsv\")",
                        "#### main\n![](./plots/static/main_importance.png \"importance.png\")",
                        "#### workspace\n![](./plots/static/workspace_importance.png \"importance.png\")");
        assertThat(Files.readString(out.resolve("metrics-diff.json")))
                .isEqualTo(
                        "{\"metrics.json\": {\"<script>alert(1)</script>\": {\"old\": 1, \"new\": 2, \"diff\": 1}, \"acc\":"
                                + " {\"old\": 0.5, \"new\": 0.75, \"diff\": 0.25}}}\n");
        assertThat(Files.readString(out.resolve("params-diff.json")))
                .isEqualTo(
                        "{\"params.yaml\": {\"lr\": {\"old\": 0.01, \"new\": 0.001, \"diff\": -0.009000000000000001}}}\n");
        assertThat(Files.readString(out.resolve("metrics.json")))
                .isEqualTo("{\"\": {\"data\":"
                        + " {\"metrics.json\": {\"data\": {\"acc\": 0.75, \"<script>alert(1)</script>\": 2}}}}}\n");
        assertThat(Files.readAllBytes(out.resolve("plots/static/main_importance.png")))
                .containsExactly((byte) 0x89, 'P', 'N', 'G', 1);
        assertThat(Files.readAllBytes(out.resolve("plots/loss.tsv.png"))).startsWith(PNG_SIGNATURE);
        assertThat(Files.readString(out.resolve("plots/loss.tsv.svg"))).contains("<svg");
        assertThat(Files.readAllBytes(out.resolve("plots/confusion.json.png"))).startsWith(PNG_SIGNATURE);
    }

    @Test
    void htmlIsSelfContainedAndEscapesEverything() throws Exception {
        report("main", out);
        String html = Files.readString(out.resolve("report.html"));

        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "<img src=\"plots/loss.tsv.png\"")
                .doesNotContain("<script", "http://", "https://", "<link");
    }

    @Test
    void sameInputsGiveTheSameBytes(@TempDir Path second) throws Exception {
        report("main", out);
        report("main", second);

        assertThat(files(second)).isEqualTo(files(out));
        for (String file : files(out)) {
            assertThat(second.resolve(file)).as(file).hasSameBinaryContentAs(out.resolve(file));
        }
    }

    @Test
    void missingBaselineShowsTheCurrentValuesAndSaysSo() throws Exception {
        ReportContent content = report("no-such-branch", out);

        assertThat(content.optionalNoBaseline()).contains("unknown Git revision 'no-such-branch'");
        assertThat(Files.readString(out.resolve("report.md")))
                .contains(
                        "> **No baseline:** unknown Git revision 'no-such-branch'. Showing the current metrics only.",
                        "## Metrics workspace\n| Path         | <script>alert(1)</script>   | acc   |")
                .doesNotContain("## Params");
        assertThat(Files.readString(out.resolve("metrics-diff.json"))).isEqualTo("{}\n");
        assertThat(out.resolve("plots/static/workspace_importance.png")).isRegularFile();
    }

    @Test
    void unreadableMetricsAreShownInTheReport() throws Exception {
        write("metrics.json", "{not json");

        ReportContent content = report("main", out);

        assertThat(content.warnings())
                .contains("DVC failed to load some metrics for following revisions:" + " 'workspace'.");
        assertThat(Files.readString(out.resolve("report.md")))
                .contains(
                        "## Warnings",
                        "`workspace: metrics.json: JSONFileCorruptedError: unable to read: 'metrics.json', JSON file structure"
                                + " is corrupted`");
    }

    private ReportContent report(String baseline, Path target) throws IOException {
        try (DvcRepository repo = DvcRepository.open(repository, 1 << 20)) {
            return new ExperimentReport(repo).write(baseline, target);
        }
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return new ArrayList<>(files.filter(Files::isRegularFile)
                    .map(f -> directory.relativize(f).toString())
                    .sorted()
                    .toList());
        }
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(repository.resolve(path), text);
    }
}
