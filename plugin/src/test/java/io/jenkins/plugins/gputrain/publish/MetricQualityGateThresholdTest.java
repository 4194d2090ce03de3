package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor;
import io.jenkins.plugins.gputrain.core.gate.Threshold;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The form's threshold check applies the build's rule: what it accepts, the gate bound from the same text reads as
 * typed ({@code MetricQualityGate.toGate()} gives the same decimal); what a double would change it refuses. The gate
 * keeps the threshold as text: the form and Configuration-as-Code hand it over as typed, and the constructor refuses
 * what is not a number, quoting it; a Jenkinsfile's number becomes its text.
 */
class MetricQualityGateThresholdTest {
    private static final String ACC = "evaluation/metrics.json:acc";

    @ParameterizedTest(name = "threshold ''{0}''")
    @CsvSource({"' -0.01 '", "0.5", "1e-3", "100"})
    void whatTheCheckAcceptsTheBuildReadsAsTyped(String threshold) {
        assertThat(MetricQualityGate.DescriptorImpl.thresholdProblem("m.json:acc", threshold))
                .isEmpty();
        assertThat(TestGates.gate("m.json:acc", threshold, null, null, null)
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

    @Test
    void theFormAndConfigurationAsCodeBindTheThresholdAsTheTextTyped() {
        // Stapler and CasC convert by the parameter's type (Stapler.lookupConverter): a String is kept as it is, where
        // Stapler's DoubleConverter(null) turned "0,01", "1%" or "abc" into null and accepted "0.5d" or "NaN"
        assertThat(TestGates.dataBoundConstructor().getParameterTypes()).containsExactly(String.class, String.class);
    }

    @ParameterizedTest(name = "threshold ''{0}''")
    @ValueSource(strings = {"0,01", "1%", "abc", "0.5d", "0x1p-3", "NaN", "Infinity"})
    void aThresholdThatIsNotADecimalIsRefusedQuotingTheText(String typed) {
        assertThatThrownBy(() -> TestGates.casc(Map.of("metric", ACC, "threshold", typed)))
                .cause()
                .isInstanceOf(Descriptor.FormException.class)
                .hasMessage("quality gate '" + ACC + "' threshold '" + typed + "': is not a number (expected "
                        + Threshold.EXPECTED + ")");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jenkinsfileNumbers")
    void aJenkinsfileNumberIsBoundAsItsText(Number number, String text) {
        MetricQualityGate gate = TestGates.pipeline(Map.of("metric", ACC, "threshold", number, "type", "value"));

        assertThat(gate.getThreshold()).isEqualTo(text);
        assertThat(gate.toGate().threshold()).isEqualTo(Threshold.of("threshold", number));
    }

    static Stream<Arguments> jenkinsfileNumbers() {
        return Stream.of(
                Arguments.of(new BigDecimal("-0.01"), "-0.01"),
                Arguments.of(new BigDecimal("1E-7"), "1E-7"),
                Arguments.of(5, "5"),
                Arguments.of(5_000_000_000L, "5000000000"),
                Arguments.of(0.1, "0.1"),
                // JDK 17's Double.toString gives 2.82879384806159008E17, which a double does not hold as written
                Arguments.of(2.82879384806159E17, "2.82879384806159e+17"));
    }

    @Test
    void structsWouldRefuseANumberForTheStringParameterWithoutTheDescriptor() {
        assertThatThrownBy(() -> TestGates.structsCoerce("threshold", new BigDecimal("-0.01")))
                .isInstanceOf(ClassCastException.class)
                .hasMessage("threshold expects class java.lang.String but received class java.math.BigDecimal");
        assertThat(TestGates.structsCoerce("threshold", "-0.01")).isEqualTo("-0.01");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {-0.01, 1e-7, 100, 0.1})
    void aGateSavedWithTheEarlierDoubleFieldLoadsUnchanged(double saved) {
        // XStream wrote the Double field as Double.toString, e.g. <threshold>1.0E-7</threshold>
        MetricQualityGate loaded = TestGates.handEdited(ACC, Double.toString(saved), "change");

        assertThat(loaded.toGate().threshold()).isEqualTo(Threshold.of("threshold", saved));
    }
}
