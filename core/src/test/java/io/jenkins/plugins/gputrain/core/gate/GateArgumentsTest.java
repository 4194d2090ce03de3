package io.jenkins.plugins.gputrain.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingPlan;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code gpuTrain(qualityGates: [[…]])}: checked before the pod starts, every problem one line naming the gate. */
class GateArgumentsTest {
    @Test
    void mapsWithGroovyNumbersBecomeGates() {
        List<QualityGate> gates = GateArguments.of(List.of(
                Map.of("metric", "m.json:acc", "threshold", new BigDecimal("-0.01")),
                Map.of(
                        "metric",
                        "m.json:loss",
                        "threshold",
                        1,
                        "type",
                        "value",
                        "operator",
                        "<",
                        "criticality",
                        "unstable")));

        assertThat(gates)
                .extracting(QualityGate::describe)
                .containsExactly("m.json:acc change >= -0.01 failure", "m.json:loss value < 1 unstable");
        assertThat(GateArguments.toArguments(gates.get(0))).containsEntry("threshold", "-0.01");
        assertThat(GateArguments.toArguments(gates.get(1)))
                .containsExactly(
                        Map.entry("metric", "m.json:loss"),
                        Map.entry("threshold", "1"),
                        Map.entry("type", "value"),
                        Map.entry("operator", "<"),
                        Map.entry("criticality", "unstable"));
    }

    @Test
    void aTextThresholdAndTheGateClassAsPublishDvcMetricsTakesThemAreAccepted() {
        // the Snippet Generator writes the threshold as text; [$class: 'MetricQualityGate', …] is structs' map form
        List<QualityGate> gates = GateArguments.of(List.of(
                Map.of("metric", "m.json:acc", "threshold", "-0.01"),
                Map.of("$class", "MetricQualityGate", "metric", "m.json:acc", "threshold", 0),
                Map.of(
                        "$class",
                        "io.jenkins.plugins.gputrain.publish.MetricQualityGate",
                        "metric",
                        "m.json:a",
                        "threshold",
                        1)));

        assertThat(gates)
                .extracting(QualityGate::describe)
                .containsExactly(
                        "m.json:acc change >= -0.01 failure",
                        "m.json:acc change >= 0 failure",
                        "m.json:a change >= 1 failure");
        assertThat(GateArguments.toArguments(gates.get(1))).doesNotContainKey("$class");
    }

    @Test
    void everyBadShapeIsOneLineNamingTheGate() {
        String expected = " (expected a list of maps such as [metric: 'evaluation/metrics.json:acc', threshold: -0.01]"
                + " with keys metric, threshold, type, operator, criticality)";

        assertThatThrownBy(() -> GateArguments.of("m.json:acc change >= 0"))
                .hasMessage("qualityGates 'm.json:acc change >= 0': is not a list" + expected);
        assertThatThrownBy(() -> GateArguments.of(List.of("m.json:acc")))
                .hasMessage("qualityGates[0] 'm.json:acc': is not a map" + expected);
        assertThatThrownBy(() -> GateArguments.of(List.of(Map.of("metric", "m.json:acc", "treshold", 1))))
                .hasMessage("qualityGates[0] 'treshold': unknown key" + expected);
        assertThatThrownBy(() -> GateArguments.of(List.of(Map.of("metric", "m.json:acc"))))
                .hasMessage("qualityGates[0] threshold '': missing" + expected);
        assertThatThrownBy(() -> GateArguments.of(List.of(Map.of("metric", "m.json:acc", "threshold", true))))
                .hasMessage("qualityGates[0] threshold 'true': is not a number" + expected);
        assertThatThrownBy(() -> GateArguments.of(List.of(Map.of("metric", "m.json:acc", "threshold", "0,1"))))
                .hasMessageStartingWith(
                        "quality gate 'm.json:acc' threshold '0,1': is not a number (expected a number");
        assertThatThrownBy(() -> GateArguments.of(
                        List.of(Map.of("$class", "CoverageQualityGate", "metric", "m.json:acc", "threshold", 1))))
                .hasMessage("qualityGates[0] $class 'CoverageQualityGate': is not a quality gate (expected"
                        + " MetricQualityGate)");
        assertThatThrownBy(() -> GateArguments.of(List.of(Map.of("metric", 7, "threshold", 1))))
                .hasMessage("qualityGates[0] metric '7': is not a string" + expected);
        assertThatThrownBy(() -> GateArguments.of(List.of(
                        Map.of("metric", "m.json:acc", "threshold", 0),
                        Map.of("metric", "m.json:loss", "threshold", 0, "operator", "=="))))
                .hasMessage(
                        "quality gate 'm.json:loss' operator '==': unknown operator (expected one of >=, >, <=, <)");
    }

    @Test
    void gpuTrainChecksTheGatesBeforeAnythingRuns() {
        assertThatThrownBy(() -> TrainingPlan.of(
                        Map.of("qualityGates", List.of(Map.of("metric", "acc", "threshold", 0))),
                        TrainingDefaults.BUILT_IN,
                        "tag"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("quality gate 'acc' metric 'acc': no ':' between the metrics file and the key");
        assertThat(TrainingPlan.of(Map.of(), TrainingDefaults.BUILT_IN, "tag").publishArguments())
                .doesNotContainKey("qualityGates");
    }
}
