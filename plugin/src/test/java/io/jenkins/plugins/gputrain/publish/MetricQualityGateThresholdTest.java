package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.gate.Threshold;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The form's threshold check applies the build's rule: what it accepts, the {@code Double} the form binds to keeps
 * as typed ({@code MetricQualityGate.toGate()} reads back the same decimal); what a double would change it refuses.
 */
class MetricQualityGateThresholdTest {
    @ParameterizedTest(name = "threshold ''{0}''")
    @CsvSource({"' -0.01 '", "0.5", "1e-3", "100"})
    void whatTheCheckAcceptsTheBuildReadsAsTyped(String threshold) {
        assertThat(MetricQualityGate.DescriptorImpl.thresholdProblem("m.json:acc", threshold))
                .isEmpty();
        assertThat(TestGates.gate("m.json:acc", Double.valueOf(threshold))
                        .toGate()
                        .threshold())
                .isEqualTo(Threshold.parse("threshold", threshold));
    }

    @ParameterizedTest(name = "threshold ''{0}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "1e400|is outside a double's range",
                "1e-400|is outside a double's range",
                "0.12345678901234567890123|a double cannot hold it as written (it would become 0.12345678901234568)",
                "1%|is not a number",
            })
    void whatADoubleWouldChangeIsAnErrorNamingTheGate(String threshold, String reason) {
        assertThat(MetricQualityGate.DescriptorImpl.thresholdProblem(" evaluation/metrics.json:acc ", threshold))
                .contains("quality gate 'evaluation/metrics.json:acc' threshold '" + threshold + "': " + reason
                        + " (expected " + Threshold.EXPECTED + ")");
    }
}
