package io.jenkins.plugins.gputrain.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.report.ExperimentReport;
import io.jenkins.plugins.gputrain.core.report.ReportContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gates' results in the report bundle: report.md, report.html and quality-gates.json (golden files). */
class GatedReportTest {
    private static final List<QualityGate> GATES = List.of(
            QualityGate.parse("--gate", "evaluation/metrics.json:acc change >= -0.01"),
            QualityGate.parse("--gate", "evaluation/metrics.json:loss change <= 0 unstable"),
            QualityGate.parse("--gate", "evaluation/metrics.json:epochs value >= 10"),
            QualityGate.parse("--gate", "evaluation/metrics.json:f1|macro value > 0.5"),
            QualityGate.parse("--gate", "evaluation/metrics.json:note value > 0 unstable"));

    @TempDir
    Path repository;

    @TempDir
    Path out;

    @BeforeEach
    void project() throws Exception {
        write(
                "dvc.yaml",
                "stages:\n  evaluate:\n    cmd: python evaluate.py\n    metrics:\n    - evaluation/metrics.json\n");
        Files.createDirectories(repository.resolve("evaluation"));
        write("evaluation/metrics.json", "{\"acc\": 0.912, \"loss\": 0.25, \"epochs\": 10, \"note\": \"baseline\"}");
        MainCommit.of(repository);
        write("evaluation/metrics.json", "{\"acc\": 0.934, \"loss\": 0.31, \"epochs\": 10, \"note\": \"<new>\"}");
    }

    @Test
    void theBundleShowsEveryGate() throws Exception {
        ReportContent content = report(GATES);

        assertThat(content.gates().overallStatus()).isEqualTo(GateStatus.FAILED);
        assertGolden("report.md");
        assertGolden("report.html");
        assertGolden(ExperimentReport.GATES_FILE);
    }

    @Test
    void withoutGatesTheBundleIsAsBefore() throws Exception {
        ReportContent content = report(List.of());

        assertThat(content.gates().isEmpty()).isTrue();
        assertThat(out.resolve(ExperimentReport.GATES_FILE)).doesNotExist();
        assertThat(Files.readString(out.resolve("report.md"))).doesNotContain("Quality gates");
        assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("Quality gates");
    }

    private ReportContent report(List<QualityGate> gates) throws IOException {
        try (DvcRepository repo = DvcRepository.open(repository, 1 << 20)) {
            return new ExperimentReport(repo).write("main", out, null, gates);
        }
    }

    private void assertGolden(String file) throws IOException {
        try (InputStream golden = GatedReportTest.class.getResourceAsStream("gated-" + file)) {
            assertThat(golden).as("golden file gated-" + file).isNotNull();
            assertThat(Files.readString(out.resolve(file)))
                    .isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(repository.resolve(path), text);
    }
}
