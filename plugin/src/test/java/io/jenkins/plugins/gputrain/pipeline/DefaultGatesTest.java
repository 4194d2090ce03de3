package io.jenkins.plugins.gputrain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingPlan;
import io.jenkins.plugins.gputrain.publish.MetricQualityGate;
import io.jenkins.plugins.gputrain.publish.TestGates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code gpuTrain} checks the global quality gates before the pod, when its {@code publishDvcMetrics} uses them. */
class DefaultGatesTest {
    static final List<MetricQualityGate> BAD_DEFAULTS = List.of(
            TestGates.gate("evaluation/metrics.json:acc", -0.01),
            TestGates.handEdited("evaluation/metrics.json:loss", "0.5", "valeu"));

    static final String BAD_DEFAULTS_MESSAGE =
            "global default qualityGates: quality gate 'evaluation/metrics.json:loss'"
                    + " type 'valeu': unknown gate type (expected one of change, value)";

    @Test
    void aBadGlobalGateIsRefusedWhenTheStepGivesNoGates() {
        assertThatThrownBy(() -> GpuTrainPlans.checkDefaultGates(plan(Map.of()), BAD_DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(BAD_DEFAULTS_MESSAGE);
    }

    @Test
    void theGlobalGatesAreNotCheckedWhenTheStepDoesNotUseThem() {
        assertThatCode(() -> GpuTrainPlans.checkDefaultGates(plan(Map.of("qualityGates", List.of())), BAD_DEFAULTS))
                .doesNotThrowAnyException();
        assertThatCode(() -> GpuTrainPlans.checkDefaultGates(
                        plan(Map.of(
                                "qualityGates",
                                List.of(Map.of("metric", "evaluation/metrics.json:acc", "threshold", 0)))),
                        BAD_DEFAULTS))
                .doesNotThrowAnyException();
        assertThatCode(() -> GpuTrainPlans.checkDefaultGates(plan(Map.of("publish", false)), BAD_DEFAULTS))
                .doesNotThrowAnyException();
        assertThatCode(() -> GpuTrainPlans.checkDefaultGates(plan(Map.of()), BAD_DEFAULTS.subList(0, 1)))
                .doesNotThrowAnyException();
    }

    @Test
    void anEmptyListReachesPublishDvcMetricsAsNoGatesAndLeftOutAsNothing() {
        assertThat(plan(Map.of("qualityGates", List.of())).publishArguments()).containsEntry("qualityGates", List.of());
        assertThat(plan(Map.of()).publishArguments()).doesNotContainKey("qualityGates");
    }

    private static TrainingPlan plan(Map<String, ?> arguments) {
        return TrainingPlan.of(arguments, TrainingDefaults.BUILT_IN, "jenkins-ml-train-42");
    }
}
