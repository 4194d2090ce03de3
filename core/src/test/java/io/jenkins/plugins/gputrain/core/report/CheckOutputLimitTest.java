package io.jenkins.plugins.gputrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.gate.BuildOutcome;
import io.jenkins.plugins.gputrain.core.gate.Finding;
import io.jenkins.plugins.gputrain.core.gate.GateResult;
import io.jenkins.plugins.gputrain.core.gate.GateStatus;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The check's summary and text within GitHub's 65,535 bytes of UTF-8: the gates (the report's link) first, the tables
 * (the plots) cut at a line with one line saying so and where the whole report is (golden files with 2,000 metric rows,
 * ASCII and non-ASCII); never a split character; the gates' verdicts for the check and the build.
 */
class CheckOutputLimitTest {
    private static final Optional<String> BUILD = Optional.of("https://ci.example.com/job/ml/job/PR-7/3/");
    private static final QualityGate ACC = QualityGate.parse("--gate", "evaluation/metrics.json:acc change >= 0");
    private static final QualityGate LOSS =
            QualityGate.parse("--gate", "evaluation/metrics.json:loss value < 0.3 unstable");

    @Test
    void twoThousandMetricRowsAreCutAfterTheGatesWithALineSayingWhereTheWholeReportIs() throws IOException {
        PublishedReport report =
                report(2_000, new GateResult(ACC, Finding.NOT_MET, "0.9", "0.8", new BigDecimal("-0.1")), met(LOSS));

        PullRequestCheck check = PullRequestCheck.of(null, report, BUILD, "dvc-report/", false);

        assertThat(CheckOutputLimit.utf8Length(check.summary())).isLessThanOrEqualTo(CheckOutputLimit.MAX_BYTES);
        assertThat(check.summary()).isEqualTo(golden("check-summary-cut.md"));
        assertThat(check.summary())
                .startsWith("## Quality gates: failed\n")
                .endsWith("\n_Cut here: a check's summary holds at most 65,535 bytes. The whole report:"
                        + " [DVC report](https://ci.example.com/job/ml/job/PR-7/3/dvc-report/) of this build._\n");
        assertThat(check.state()).isEqualTo(CheckState.FAILURE);
    }

    @Test
    void withoutTheBuildsUrlTheCutLineNamesTheReportOnTheBuildPage() {
        PullRequestCheck check = PullRequestCheck.of(null, report(2_000, met(ACC)), Optional.empty(), "x/", false);

        assertThat(CheckOutputLimit.utf8Length(check.summary())).isLessThanOrEqualTo(CheckOutputLimit.MAX_BYTES);
        assertThat(check.summary())
                .startsWith("## Quality gates: passed\n")
                .endsWith("The whole report: the DVC report on the build's page in Jenkins (report.md among its"
                        + " artifacts)._\n");
    }

    @Test
    void aSummaryThatFitsIsNotCutAndOneThatFitsExactlyIsKeptWhole() {
        String fits = PullRequestCheck.of(null, report(10, met(ACC)), BUILD, "dvc-report/", false)
                .summary();
        String gates = "g\n";
        String exactly = "x".repeat(CheckOutputLimit.MAX_BYTES - gates.length() - 1) + "\n";

        assertThat(fits).doesNotContain("Cut here").contains("| m9 ");
        assertThat(CheckOutputLimit.of("summary", gates, exactly, "there")).isEqualTo(gates + exactly);
        assertThat(CheckOutputLimit.of("summary", gates, exactly + "y\n", "there"))
                .isEqualTo(gates + "\n_Cut here: a check's summary holds at most 65,535 bytes. The whole report:"
                        + " there._\n");
    }

    @Test
    void aNonAsciiReportIsCutByUtf8BytesThoughItHasFewerCharactersThanTheLimit() throws IOException {
        PublishedReport report = report(750, "точность/精度/🎯", met(ACC));
        PullRequestCheck check = PullRequestCheck.of(null, report, BUILD, "dvc-report/", false);
        StringBuilder tables = new StringBuilder();
        MarkdownReport.diffTables(tables, DvcRepository.WORKSPACE, "main", report.params(), report.metrics());

        assertThat(tables.length()).as("UTF-16 chars of the tables").isLessThan(CheckOutputLimit.MAX_BYTES - 1_000);
        assertThat(CheckOutputLimit.utf8Length(tables.toString()))
                .as("their UTF-8 bytes")
                .isGreaterThan(CheckOutputLimit.MAX_BYTES + 1_000);
        assertThat(CheckOutputLimit.utf8Length(check.summary())).isLessThanOrEqualTo(CheckOutputLimit.MAX_BYTES);
        assertThat(check.summary()).isEqualTo(golden("check-summary-cut-utf8.md"));
        assertThat(check.summary())
                .startsWith("## Quality gates: passed\n")
                .endsWith("\n_Cut here: a check's summary holds at most 65,535 bytes. The whole report:"
                        + " [DVC report](https://ci.example.com/job/ml/job/PR-7/3/dvc-report/) of this build._\n");
    }

    @Test
    void aTextWithMorePlotsThanFitKeepsTheReportsLinkAndIsCutByUtf8Bytes() {
        PublishedReport report = withPlots(1_500, "gpu-train/plots/кривая-обучения-損失曲線-📉-");
        PullRequestCheck linked = PullRequestCheck.of(null, report, BUILD, "dvc-report/", false);
        PullRequestCheck unlinked = PullRequestCheck.of(null, report, Optional.empty(), "dvc-report/", false);

        for (PullRequestCheck check : List.of(linked, unlinked)) {
            assertThat(CheckOutputLimit.utf8Length(check.text())).isLessThanOrEqualTo(CheckOutputLimit.MAX_BYTES);
            assertThat(check.text()).contains("кривая-обучения-損失曲線-📉-0.png");
            assertThat(check.text()).doesNotContain("кривая-обучения-損失曲線-📉-1499.png");
            assertThat(check.text()).contains("\n_Cut here: a check's text holds at most 65,535 bytes.");
        }
        assertThat(linked.text())
                .startsWith("[DVC report](https://ci.example.com/job/ml/job/PR-7/3/dvc-report/) of this build\n")
                .endsWith(" The whole report: [DVC report](https://ci.example.com/job/ml/job/PR-7/3/dvc-report/) of"
                        + " this build._\n");
        assertThat(unlinked.text())
                .startsWith("DVC report of this build: on the build's page in Jenkins (no links:")
                .endsWith(" The whole report: the DVC report on the build's page in Jenkins (report.md among its"
                        + " artifacts)._\n");
    }

    @Property(tries = 200)
    void aCutFieldFitsInUtf8AndEndsAtALineOfItsOwn(@ForAll("fields") List<String> lines) {
        String first = lines.get(0);
        String rest = String.join("", lines.subList(1, lines.size()));

        String cut = CheckOutputLimit.of("summary", first, rest, "[report](https://ci.example.com/r/)");

        assertThat(CheckOutputLimit.utf8Length(cut)).isLessThanOrEqualTo(CheckOutputLimit.MAX_BYTES);
        if (!cut.equals(first + rest)) {
            String kept = cut.substring(0, cut.lastIndexOf("\n_Cut here: "));
            assertThat((first + rest)).startsWith(kept);
            assertThat(kept.isEmpty() || kept.endsWith("\n"))
                    .as("cut at a line's end")
                    .isTrue();
            assertThat(kept.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF))
                    .as("no half of a surrogate pair")
                    .isEmpty();
            String note = cut.substring(kept.length());
            int nextLine = (first + rest).indexOf('\n', kept.length());
            assertThat(CheckOutputLimit.utf8Length((first + rest).substring(0, nextLine + 1) + note))
                    .as("the next line would not have fitted")
                    .isGreaterThan(CheckOutputLimit.MAX_BYTES);
        }
    }

    /** Lines of 1 to 6,000 repetitions of one code point of any plane (no surrogate halves, no line break). */
    @Provide
    Arbitrary<List<String>> fields() {
        Arbitrary<String> line = Combinators.combine(
                        Arbitraries.integers()
                                .between(0, Character.MAX_CODE_POINT)
                                .filter(cp -> cp != '\n' && cp != '\r' && !(cp >= 0xD800 && cp <= 0xDFFF)),
                        Arbitraries.integers().between(1, 6_000))
                .as((cp, times) -> Character.toString(cp).repeat(times) + "\n");
        return line.list().ofMinSize(1).ofMaxSize(40);
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
        return report(metricRows, "m", gates);
    }

    private static PublishedReport report(int metricRows, String metricName, GateResult... gates) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < metricRows; i++) {
            rows.add(List.of("evaluation/metrics.json", metricName + i, "0." + i, "0." + (i + 1), "0.1"));
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

    private static PublishedReport withPlots(int plots, String prefix) {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < plots; i++) {
            files.add(prefix + i + ".png");
        }
        return PullRequestCheckTest.reportWithFiles(files.toArray(String[]::new));
    }

    private static String golden(String name) throws IOException {
        return PullRequestCheckTest.golden(name);
    }
}
