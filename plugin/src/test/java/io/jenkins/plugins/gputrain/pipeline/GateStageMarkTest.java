package io.jenkins.plugins.gputrain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.gate.Finding;
import io.jenkins.plugins.gputrain.core.gate.GateResult;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import io.jenkins.plugins.gputrain.publish.DvcReportAction;
import io.jenkins.plugins.gputrain.publish.TestReports;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What gpuTrain's Groovy does to the stage after publishing: unstable, error, or nothing. */
class GateStageMarkTest {
    static final QualityGate ACC = QualityGate.parse("--gate", "metrics.json:acc change >= 0");
    static final QualityGate LOSS = QualityGate.parse("--gate", "metrics.json:loss value < 1 unstable");

    @Test
    void aFailedGateOfCriticalityFailureFailsTheStageWithTheSummary() {
        GateStageMark mark = GateStageMark.of(action(notMet(ACC), notMet(LOSS)));

        assertThat(mark.fails()).isTrue();
        assertThat(mark.message()).isEqualTo("[gpu-train] Quality gates: failed (1 failed, 1 unstable, 0 passed)");
    }

    @Test
    void onlyUnstableGatesFailedMarksTheStageUnstable() {
        GateStageMark mark = GateStageMark.of(action(met(ACC), notMet(LOSS)));

        assertThat(mark.fails()).isFalse();
        assertThat(mark.message()).isEqualTo("[gpu-train] Quality gates: unstable (0 failed, 1 unstable, 1 passed)");
    }

    @Test
    void passedGatesNoGatesOrNoReportLeaveTheStageAlone() {
        assertThat(GateStageMark.of(action(met(ACC), met(LOSS)))).isNull();
        assertThat(GateStageMark.of(action())).isNull();
        assertThat(GateStageMark.of(null)).isNull();
    }

    @Test
    void eachCallFindsTheReportOfItsOwnDirectoryNotTheBuildsFirstOrLast() {
        List<DvcReportAction> reports =
                List.of(action("gpu-train/a", notMet(ACC)), action("gpu-train/b", met(ACC)), action(notMet(LOSS)));

        assertThat(GateStageMark.of(reports, "gpu-train/a").fails()).isTrue();
        assertThat(GateStageMark.of(reports, "./gpu-train/b/"))
                .as("normalised as the step does")
                .isNull();
        assertThat(GateStageMark.of(reports, "gpu-train").fails()).isFalse();
        assertThat(GateStageMark.of(reports, "gpu-train/c"))
                .as("nothing published there")
                .isNull();
        assertThat(GateStageMark.of(reports, "../x")).isNull();
    }

    static GateResult met(QualityGate gate) {
        return new GateResult(gate, Finding.MET, "1", "2", BigDecimal.ONE);
    }

    static GateResult notMet(QualityGate gate) {
        return new GateResult(gate, Finding.NOT_MET, "2", "1", BigDecimal.ONE.negate());
    }

    static DvcReportAction action(GateResult... results) {
        return action("gpu-train", results);
    }

    static DvcReportAction action(String reportDir, GateResult... results) {
        return TestReports.action(reportDir, List.of(), new QualityGateReport(List.of(results)));
    }
}
