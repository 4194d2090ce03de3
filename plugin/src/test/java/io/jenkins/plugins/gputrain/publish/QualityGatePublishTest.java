package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.gate.GateStatus;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quality gates of publishDvcMetrics on the guide fixture (celestial-bodies: val_acc 0.57333 → 0.95). */
class QualityGatePublishTest {
    @TempDir
    Path directory;

    @Test
    void theAgentEvaluatesTheGatesAndTheBundleKeepsTheirResults() throws IOException {
        PublishedReport report = publish(List.of(
                gate("evaluation/metrics.json:val_acc", 0.3, null),
                gate("evaluation/metrics.json:val_loss", 0, "unstable"),
                gate("evaluation/metrics.json:nope", 0, null)));

        assertThat(report.gates().results())
                .extracting(result -> result.status())
                .containsExactly(GateStatus.PASSED, GateStatus.WARNING, GateStatus.FAILED);
        assertThat(DvcMetricsPublication.artifacts(report)).containsKey("gpu-train/quality-gates.json");
        assertThat(GateVerdict.consoleLines(report.gates()))
                .containsExactly(
                        "[gpu-train] quality gate evaluation/metrics.json:val_acc change >= 0.3 (failure): passed,"
                                + " change +0.37667 (0.57333 → 0.95)",
                        "[gpu-train] quality gate evaluation/metrics.json:val_loss change >= 0 (unstable): unstable,"
                                + " change -1.1283 (1.33433 → 0.20603)",
                        "[gpu-train] quality gate evaluation/metrics.json:nope change >= 0 (failure): failed, missing in"
                                + " the workspace",
                        "[gpu-train] Quality gates: failed (1 failed, 1 unstable, 1 passed)");
    }

    @Test
    void withoutGatesNothingIsPrintedAndNoGateFileIsWritten() throws IOException {
        PublishedReport report = publish(List.of());

        assertThat(GateVerdict.consoleLines(report.gates())).isEmpty();
        assertThat(DvcMetricsPublication.artifacts(report)).doesNotContainKey("gpu-train/quality-gates.json");
        assertThat(new DvcReportAction("gpu-train", report, null).getGateStatus())
                .isNull();
    }

    @Test
    void theBuildPageShowsTheGatesAndKeepsThemAsPlainTypes() throws IOException {
        DvcReportAction action = new DvcReportAction(
                "gpu-train", publish(List.of(gate("evaluation/metrics.json:val_acc", 0.9, null))), null);
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {DvcReportAction.class});

        DvcReportAction loaded = (DvcReportAction) xstream.fromXML(xstream.toXML(action));

        assertThat(action.getGateStatus()).isEqualTo("failed");
        assertThat(action.getGateHeaders()).containsExactly("Gate", "Criticality", "Result", "Found");
        assertThat(action.getGateRows())
                .containsExactly(List.of(
                        "evaluation/metrics.json:val_acc change >= 0.9",
                        "failure",
                        "failed",
                        action.getGateRows().get(0).get(3)));
        assertThat(action.getGateRows().get(0).get(3)).isEqualTo("change +0.37667 (0.57333 → 0.95)");
        assertThat(loaded.getGateRows()).isEqualTo(action.getGateRows());
        assertThat(loaded.getGateStatus()).isEqualTo("failed");
    }

    @Test
    void aBuildSavedBeforeGatesLoadsWithoutThem() {
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {DvcReportAction.class});
        String saved = "<io.jenkins.plugins.gputrain.publish.DvcReportAction><baseline>main</baseline>"
                + "</io.jenkins.plugins.gputrain.publish.DvcReportAction>";

        DvcReportAction loaded = (DvcReportAction) xstream.fromXML(saved);

        assertThat(loaded.getGateStatus()).isNull();
        assertThat(loaded.getGateHeaders()).isEmpty();
        assertThat(loaded.getGateRows()).isEmpty();
    }

    @Test
    void aGateHasTheDefaultsOfTheCoreGate() {
        MetricQualityGate gate = TestGates.gate("evaluation/metrics.json:acc", -0.01);

        assertThat(gate.getType()).isEqualTo("change");
        assertThat(gate.getOperator()).isEqualTo(">=");
        assertThat(gate.getCriticality()).isEqualTo("failure");
        assertThat(gate.toGate()).isEqualTo(QualityGate.parse("--gate", "evaluation/metrics.json:acc change >= -0.01"));
        assertThat(MetricQualityGate.toGates(null)).isEmpty();
        assertThat(TestGates.gate("evaluation/metrics.json:acc", 0.1).toGate().threshold())
                .hasToString("0.1");
    }

    @Test
    void theStepKeepsItsGatesAndSavesThemAsPlainFields() {
        DvcMetricsRecorder step = new DvcMetricsRecorder();
        step.setQualityGates(List.of(TestGates.gate("evaluation/metrics.json:loss", "0.3", "value", "<", null)));
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {DvcMetricsRecorder.class, MetricQualityGate.class});

        String xml = xstream.toXML(step);
        DvcMetricsRecorder loaded = (DvcMetricsRecorder) xstream.fromXML(xml);

        assertThat(loaded.getQualityGates()).hasSize(1);
        assertThat(loaded.getQualityGates().get(0).toGate().describe())
                .isEqualTo("evaluation/metrics.json:loss value < 0.3 failure");
        assertThat(xml).contains("<metric>evaluation/metrics.json:loss</metric>", "<threshold>0.3</threshold>");
        step.setQualityGates(null);
        assertThat(step.getQualityGates()).isNull();
    }

    @Test
    void skipPublishingChecksIsKeptLeftOutAsNotGivenAndSavedAsAPlainField() {
        DvcMetricsRecorder step = new DvcMetricsRecorder();
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {DvcMetricsRecorder.class});

        assertThat(step.getSkipPublishingChecks())
                .as("not given: the global default applies")
                .isNull();
        assertThat(xstream.toXML(step)).doesNotContain("skipPublishingChecks");
        step.setSkipPublishingChecks(true);
        String xml = xstream.toXML(step);

        assertThat(xml).contains("<skipPublishingChecks>true</skipPublishingChecks>");
        assertThat(((DvcMetricsRecorder) xstream.fromXML(xml)).getSkipPublishingChecks())
                .isTrue();
    }

    private PublishedReport publish(List<MetricQualityGate> gates) throws IOException {
        Path workspace = FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"));
        return new ReportCallable("main", "gpu-train", null, MetricQualityGate.toGates(gates))
                .invoke(workspace.toFile(), null);
    }

    private static MetricQualityGate gate(String metric, double threshold, String criticality) {
        return TestGates.gate(metric, String.valueOf(threshold), null, null, criticality);
    }
}
