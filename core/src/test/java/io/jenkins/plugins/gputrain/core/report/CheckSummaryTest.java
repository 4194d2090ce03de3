package io.jenkins.plugins.gputrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.gate.BuildOutcome;
import io.jenkins.plugins.gputrain.core.gate.Finding;
import io.jenkins.plugins.gputrain.core.gate.GateResult;
import io.jenkins.plugins.gputrain.core.gate.GateStatus;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The check's summary within GitHub's 65,535 characters: the gates first, the tables cut at a line with one line saying
 * so and where the whole report is (golden file with 2,000 metric rows); the gates' verdicts for the check and the
 * build.
 */
class CheckSummaryTest {
    private static final Optional<String> BUILD = Optional.of("https://ci.example.com/job/ml/job/PR-7/3/");
    private static final QualityGate ACC = QualityGate.parse("--gate", "evaluation/metrics.json:acc change >= 0");
    private static final QualityGate LOSS =
            QualityGate.parse("--gate", "evaluation/metrics.json:loss value < 0.3 unstable");

    @Test
    void twoThousandMetricRowsAreCutAfterTheGatesWithALineSayingWhereTheWholeReportIs() throws IOException {
        PublishedReport report =
                report(2_000, new GateResult(ACC, Finding.NOT_MET, "0.9", "0.8", new BigDecimal("-0.1")), met(LOSS));

        PullRequestCheck check = PullRequestCheck.of(null, report, BUILD, "dvc-report/", false);

        assertThat(check.summary()).hasSizeLessThanOrEqualTo(CheckSummary.MAX_LENGTH);
        assertThat(check.summary()).isEqualTo(golden("check-summary-cut.md"));
        assertThat(check.summary())
                .startsWith("## Quality gates: failed\n")
                .endsWith("\n_Cut here: a check's summary holds at most 65,535 characters. The whole report:"
                        + " [DVC report](https://ci.example.com/job/ml/job/PR-7/3/dvc-report/) of this build._\n");
        assertThat(check.state()).isEqualTo(CheckState.FAILURE);
    }

    @Test
    void withoutTheBuildsUrlTheCutLineNamesTheReportOnTheBuildPage() {
        PullRequestCheck check = PullRequestCheck.of(null, report(2_000, met(ACC)), Optional.empty(), "x/", false);

        assertThat(check.summary())
                .hasSizeLessThanOrEqualTo(CheckSummary.MAX_LENGTH)
                .startsWith("## Quality gates: passed\n")
                .endsWith("The whole report: the DVC report on the build's page in Jenkins (report.md among its"
                        + " artifacts)._\n");
    }

    @Test
    void aSummaryThatFitsIsNotCutAndOneThatFitsExactlyIsKeptWhole() {
        String fits = PullRequestCheck.of(null, report(10, met(ACC)), BUILD, "dvc-report/", false)
                .summary();
        String gates = "g\n";
        String exactly = "x".repeat(CheckSummary.MAX_LENGTH - gates.length() - 1) + "\n";

        assertThat(fits).doesNotContain("Cut here").contains("| m9 ");
        assertThat(CheckSummary.of(gates, exactly, "there")).isEqualTo(gates + exactly);
        assertThat(CheckSummary.of(gates, exactly + "y\n", "there"))
                .isEqualTo(gates + "\n_Cut here: a check's summary holds at most 65,535 characters. The whole report:"
                        + " there._\n");
    }

    @Test
    void theGatesDecideTheChecksConclusionAndTheBuildsResult() {
        assertThat(CheckState.of(GateStatus.PASSED, false)).isEqualTo(CheckState.SUCCESS);
        assertThat(CheckState.of(GateStatus.WARNING, false)).isEqualTo(CheckState.FAILURE);
        assertThat(CheckState.of(GateStatus.FAILED, false)).isEqualTo(CheckState.FAILURE);
        assertThat(CheckState.of(GateStatus.PASSED, true))
                .as("failOnMissing fails the build")
                .isEqualTo(CheckState.FAILURE);
        assertThat(BuildOutcome.of(GateStatus.PASSED)).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(BuildOutcome.of(GateStatus.WARNING)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(BuildOutcome.of(GateStatus.FAILED)).isEqualTo(BuildOutcome.FAILURE);
    }

    @Test
    void publishingInProgressFailedOrAbortedIsACheckOfOneLine() {
        PullRequestCheck started = PullRequestCheck.inProgress(" ");
        PullRequestCheck failed = PullRequestCheck.unfinished("Model", false, "git fetch origin main: exit 128");
        PullRequestCheck aborted = PullRequestCheck.unfinished(null, true, "publishing was interrupted");

        assertThat(started.name()).isEqualTo(PullRequestCheck.DEFAULT_NAME);
        assertThat(started.state()).isEqualTo(CheckState.IN_PROGRESS);
        assertThat(started.state().completed()).isFalse();
        assertThat(started.summary())
                .isEqualTo("The DVC metrics, params and plots of this build are being published.\n");
        assertThat(failed.name()).isEqualTo("Model");
        assertThat(failed.state()).isEqualTo(CheckState.FAILURE);
        assertThat(failed.title()).isEqualTo("DVC report not published");
        assertThat(failed.summary()).isEqualTo("DVC report not published: git fetch origin main: exit 128\n");
        assertThat(aborted.state()).isEqualTo(CheckState.CANCELED);
        assertThat(aborted.state().completed()).isTrue();
        assertThat(aborted.summary())
                .isEqualTo("DVC report not published: the build was aborted: publishing was interrupted\n");
    }

    private static GateResult met(QualityGate gate) {
        return new GateResult(gate, Finding.MET, "0.2", "0.25", new BigDecimal("0.25"));
    }

    private static PublishedReport report(int metricRows, GateResult... gates) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < metricRows; i++) {
            rows.add(List.of("evaluation/metrics.json", "m" + i, "0." + i, "0." + (i + 1), "0.1"));
        }
        Table metrics = new Table(List.of("Path", "Metric", "main", "workspace", "Change"), rows);
        Table params = new Table(
                List.of("Path", "Param", "main", "workspace"), List.of(List.of("params.yaml", "lr", "0.01", "0.001")));
        return new PublishedReport(
                "main",
                null,
                metrics,
                params,
                new Table(List.of(), List.of()),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                new QualityGateReport(List.of(gates)));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = CheckSummaryTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
