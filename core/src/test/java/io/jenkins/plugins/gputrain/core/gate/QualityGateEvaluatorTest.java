package io.jenkins.plugins.gputrain.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.diff.Difference;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gate evaluation on a metrics diff and the workspace's metrics, as a report gives them. */
class QualityGateEvaluatorTest {
    private static final String FILE = "evaluation/metrics.json";
    private static final RevisionData NO_BASELINE_FILES = RevisionData.of("main", Map.of());
    private static final FileResult.Failure CORRUPT = new FileResult.Failure(
            "JSONFileCorruptedError", "unable to read: 'evaluation/metrics.json', JSON file structure is corrupted");

    @ParameterizedTest(name = "change {0} {1}: {2}")
    @CsvSource({
        ">=, 0.022, MET",
        ">=, 0.023, NOT_MET",
        ">=, -0.01, MET",
        ">, 0.022, NOT_MET",
        ">, 0.021, MET",
        "<=, 0.022, MET",
        "<=, 0.021, NOT_MET",
        "<, 0.022, NOT_MET",
        "<, 0.023, MET"
    })
    void everyOperatorComparesTheExactChange(String operator, String threshold, Finding expected) {
        QualityGateReport report = evaluator(changed("acc", new Value.Float(0.912), new Value.Float(0.934)))
                .evaluate(List.of(QualityGate.parse("--gate", FILE + ":acc change " + operator + " " + threshold)));

        assertThat(report.results().get(0).finding()).isEqualTo(expected);
        assertThat(report.results().get(0).observed()).isEqualByComparingTo("0.022");
    }

    @ParameterizedTest(name = "value {0} {1}: {2}")
    @CsvSource({">=, 0.934, MET", ">, 0.934, NOT_MET", "<=, 0.934, MET", "<, 0.934, NOT_MET", "<, 1, MET"})
    void valueGatesCompareTheWorkspaceValue(String operator, String threshold, Finding expected) {
        QualityGateReport report = evaluator(changed("acc", new Value.Float(0.912), new Value.Float(0.934)))
                .evaluate(List.of(QualityGate.parse("--gate", FILE + ":acc value " + operator + " " + threshold)));

        assertThat(report.results().get(0).finding()).isEqualTo(expected);
    }

    @Test
    void decimalsCompareAsWrittenNotAsFloatArithmetic() {
        // 0.93 - 0.94 is -0.010000000000000009 in floats; the gate sees the -0.01 the files say
        GateResult result =
                single(changed("acc", new Value.Float(0.94), new Value.Float(0.93)), FILE + ":acc change >= -0.01");

        assertThat(result.finding()).isEqualTo(Finding.MET);
        assertThat(result.explanation()).isEqualTo("change -0.01 (0.94 → 0.93)");
        assertThat(result.status()).isEqualTo(GateStatus.PASSED);
    }

    @Test
    void intAndFloatCompareNumerically() {
        GateResult change =
                single(changed("epochs", Value.Int.of(10), new Value.Float(12.5)), FILE + ":epochs change > 2");
        GateResult value =
                single(changed("epochs", new Value.Float(9.5), Value.Int.of(10)), FILE + ":epochs value >= 10.0");

        assertThat(change.finding()).isEqualTo(Finding.MET);
        assertThat(change.observed()).isEqualByComparingTo("2.5");
        assertThat(value.finding()).isEqualTo(Finding.MET);
        assertThat(value.explanation()).isEqualTo("value 10");
    }

    @Test
    void anUnchangedMetricHasAChangeOfZero() {
        QualityGateEvaluator evaluator = new QualityGateEvaluator(
                true, List.of(), NO_BASELINE_FILES, workspace(Map.of("acc", new Value.Float(0.9))));

        GateResult result = evaluator
                .evaluate(List.of(QualityGate.parse("--gate", FILE + ":acc change >= 0")))
                .results()
                .get(0);

        assertThat(result.finding()).isEqualTo(Finding.MET);
        assertThat(result.explanation()).isEqualTo("change 0 (0.9 → 0.9)");
    }

    @Test
    void aMetricMissingInTheBaselineIsReportedNotPassed() {
        GateResult result =
                single(changed("acc", Value.None.NONE, new Value.Float(0.934)), FILE + ":acc change >= -100 unstable");

        assertThat(result.finding()).isEqualTo(Finding.MISSING_IN_BASELINE);
        assertThat(result.status()).isEqualTo(GateStatus.WARNING);
        assertThat(result.line()).isEqualTo(FILE + ":acc change >= -100 (unstable): unstable, missing in the baseline");
    }

    @Test
    void aMetricMissingInTheWorkspaceIsReportedNotPassed() {
        GateResult removed =
                single(changed("acc", new Value.Float(0.9), Value.None.NONE), FILE + ":acc change >= -100");
        GateResult typo =
                single(changed("acc", new Value.Float(0.9), new Value.Float(1.0)), FILE + ":acc_typo value > 0");
        GateResult otherFile =
                single(changed("acc", new Value.Float(0.9), new Value.Float(1.0)), "other.json:acc value > 0");

        assertThat(List.of(removed, typo, otherFile))
                .extracting(GateResult::finding)
                .containsOnly(Finding.MISSING_IN_WORKSPACE);
        assertThat(removed.status()).isEqualTo(GateStatus.FAILED);
        assertThat(removed.baselineValue()).isEqualTo("0.9");
    }

    @Test
    void anUnreadableMetricsFileIsReportedWithTheReasonNotAsMissing() {
        // DVC diffs an unreadable file as missing: the diff lists nothing for it
        RevisionData corrupt = RevisionData.of("workspace", Map.of(FILE, CORRUPT));
        RevisionData baseline = RevisionData.of("main", Map.of(FILE, new FileResult.Data(new Value.Dict(Map.of()))));
        List<GateResult> results = new QualityGateEvaluator(true, List.of(), baseline, corrupt)
                .evaluate(List.of(
                        QualityGate.parse("--gate", FILE + ":acc change >= 0"),
                        QualityGate.parse("--gate", FILE + ":acc value >= 0")))
                .results();
        GateResult inBaseline = new QualityGateEvaluator(
                        true,
                        List.of(changed("acc", Value.None.NONE, new Value.Float(0.9))),
                        RevisionData.of("main", Map.of(FILE, CORRUPT)),
                        workspace(Map.of("acc", new Value.Float(0.9))))
                .evaluate(List.of(QualityGate.parse("--gate", FILE + ":acc change >= 0")))
                .results()
                .get(0);

        String reason = "(JSONFileCorruptedError: unable to read: 'evaluation/metrics.json', JSON file structure is"
                + " corrupted)";
        assertThat(results).extracting(GateResult::explanation).containsOnly("unreadable in the workspace " + reason);
        assertThat(results).extracting(GateResult::status).containsOnly(GateStatus.FAILED);
        assertThat(inBaseline.explanation()).isEqualTo("unreadable in the baseline " + reason);
        assertThat(inBaseline.finding()).isEqualTo(Finding.UNREADABLE_IN_BASELINE);
    }

    @Test
    void aMetricNamedWithDotSegmentsIsTheFileDvcNames() {
        GateResult result = single(
                changed("acc", new Value.Float(0.912), new Value.Float(0.934)),
                "./evaluation//metrics.json:acc change > 0");

        assertThat(result.finding()).isEqualTo(Finding.MET);
        assertThat(result.gate().metric().toString()).isEqualTo(FILE + ":acc");
    }

    @Test
    void withoutABaselineChangeGatesAreReportedAndValueGatesEvaluated() {
        QualityGateEvaluator evaluator = new QualityGateEvaluator(
                false, List.of(), NO_BASELINE_FILES, workspace(Map.of("acc", new Value.Float(0.9))));

        QualityGateReport report = evaluator.evaluate(List.of(
                QualityGate.parse("--gate", FILE + ":acc change >= -1"),
                QualityGate.parse("--gate", FILE + ":acc value >= 0.5")));

        assertThat(report.results()).extracting(GateResult::finding).containsExactly(Finding.NO_BASELINE, Finding.MET);
        assertThat(report.overallStatus()).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void nonNumericValuesAreReportedOnTheirSide() {
        GateResult text = single(changed("acc", new Value.Float(0.9), new Value.Str("n/a")), FILE + ":acc change >= 0");
        GateResult bool = single(changed("acc", new Value.Bool(true), new Value.Float(0.9)), FILE + ":acc change >= 0");
        GateResult inf = single(
                changed("loss", new Value.Float(0.3), new Value.Float(Double.POSITIVE_INFINITY)),
                FILE + ":loss value < 1");
        GateResult nan =
                single(changed("loss", new Value.Float(0.3), new Value.Float(Double.NaN)), FILE + ":loss value < 1");

        assertThat(text.finding()).isEqualTo(Finding.NOT_A_NUMBER_IN_WORKSPACE);
        assertThat(text.explanation()).isEqualTo("not a number in the workspace ('n/a')");
        assertThat(bool.finding()).isEqualTo(Finding.NOT_A_NUMBER_IN_BASELINE);
        assertThat(bool.explanation()).isEqualTo("not a number in the baseline ('True')");
        assertThat(List.of(inf, nan)).extracting(GateResult::finding).containsOnly(Finding.NOT_A_NUMBER_IN_WORKSPACE);
        assertThat(List.of(text, bool, inf, nan))
                .extracting(GateResult::optionalObserved)
                .allMatch(o -> o.isEmpty());
    }

    @Test
    void nestedKeysAreFoundByTheirFlattenedName() {
        Map<String, Value> train = new LinkedHashMap<>();
        train.put("loss", new Value.Float(0.2));
        QualityGateEvaluator evaluator = new QualityGateEvaluator(
                true, List.of(), NO_BASELINE_FILES, workspace(Map.of("train", new Value.Dict(train))));

        GateResult result = evaluator
                .evaluate(List.of(QualityGate.parse("--gate", FILE + ":train.loss value < 0.3")))
                .results()
                .get(0);

        assertThat(result.finding()).isEqualTo(Finding.MET);
    }

    @Test
    void theOverallStatusIsTheWorstGate() {
        QualityGateEvaluator evaluator = evaluator(changed("acc", new Value.Float(0.9), new Value.Float(0.8)));

        QualityGateReport unstable = evaluator.evaluate(List.of(
                QualityGate.parse("--gate", FILE + ":acc value > 0.5"),
                QualityGate.parse("--gate", FILE + ":acc change >= 0 unstable")));
        QualityGateReport failed = evaluator.evaluate(List.of(
                QualityGate.parse("--gate", FILE + ":acc change >= 0 unstable"),
                QualityGate.parse("--gate", FILE + ":acc value > 0.85 failure")));

        assertThat(QualityGateReport.none().overallStatus()).isEqualTo(GateStatus.PASSED);
        assertThat(unstable.overallStatus()).isEqualTo(GateStatus.WARNING);
        assertThat(unstable.summary()).isEqualTo("Quality gates: unstable (0 failed, 1 unstable, 1 passed)");
        assertThat(failed.overallStatus()).isEqualTo(GateStatus.FAILED);
        assertThat(failed.results().get(1).line()).isEqualTo(FILE + ":acc value > 0.85 (failure): failed, value 0.8");
    }

    private static GateResult single(QualityGateEvaluator evaluator, String gate) {
        return evaluator
                .evaluate(List.of(QualityGate.parse("--gate", gate)))
                .results()
                .get(0);
    }

    private static GateResult single(FileDifferences diff, String gate) {
        return single(evaluator(diff), gate);
    }

    /** The diff of one changed metric, and a workspace holding its new value. */
    private static FileDifferences changed(String key, Value old, Value current) {
        return new FileDifferences(FILE, List.of(new Difference(key, old, current, null)));
    }

    private static QualityGateEvaluator evaluator(FileDifferences diff) {
        Map<String, Value> values = new LinkedHashMap<>();
        diff.differences().stream()
                .filter(d -> !(d.current() instanceof Value.None))
                .forEach(d -> values.put(d.key(), d.current()));
        return new QualityGateEvaluator(true, List.of(diff), NO_BASELINE_FILES, workspace(values));
    }

    private static RevisionData workspace(Map<String, Value> values) {
        return RevisionData.of("workspace", Map.of(FILE, new FileResult.Data(new Value.Dict(values))));
    }
}
