package io.jenkins.plugins.gputrain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code qualityGate(…)} in {@code gpuTrain}'s {@code qualityGates} is resolved as structs resolves it for
 * {@code publishDvcMetrics} ({@code DescribableModel.resolveClass} and {@code instantiate}, structs
 * 362.va_b_695ef4fdf9): class name first, then symbol; unnamed arguments refused.
 */
class GateDescribablesTest {
    private static final Map<String, Object> ACC =
            Map.of("metric", "evaluation/metrics.json:acc", "threshold", new BigDecimal("-0.01"));
    private static final String EXPECTED = " (expected qualityGate(metric: 'evaluation/metrics.json:acc', threshold:"
            + " -0.01) or a map such as [metric: 'evaluation/metrics.json:acc', threshold: -0.01])";

    @ParameterizedTest(name = "symbol {0}, class {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "qualityGate,-",
                "-,-",
                "-,MetricQualityGate",
                "-,io.jenkins.plugins.gputrain.publish.MetricQualityGate",
                "otherGate,MetricQualityGate",
            })
    void aQualityGateDescribableBecomesItsArguments(String symbol, String klass) {
        Map<String, Object> map = Map.of("metric", "evaluation/metrics.json:loss", "threshold", 0);

        Map<String, Object> plain = Map.copyOf(GateDescribables.asMaps(Map.of(
                "cpuMemory",
                "1-2000",
                "qualityGates",
                List.of(new UninstantiatedDescribable(symbol, klass, ACC), map))));

        assertThat(plain).containsEntry("cpuMemory", "1-2000").containsEntry("qualityGates", List.of(ACC, map));
    }

    @Test
    void anotherDescribableIsAnErrorNamingTheGate() {
        assertThatThrownBy(() -> gates(List.of(ACC, new UninstantiatedDescribable("coverageGate", null, ACC))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("qualityGates[1] 'coverageGate(…)': is not a quality gate" + EXPECTED);
        assertThatThrownBy(() -> gates(List.of(new UninstantiatedDescribable("qualityGate", "QualityGate", ACC))))
                .hasMessage("qualityGates[0] 'QualityGate': is not a quality gate class" + EXPECTED);
    }

    @Test
    void unnamedArgumentsAreAnErrorAsStructsMakesThem() {
        UninstantiatedDescribable unnamed = new UninstantiatedDescribable(
                "qualityGate", null, Map.of(UninstantiatedDescribable.ANONYMOUS_KEY, "evaluation/metrics.json:acc"));

        assertThatThrownBy(() -> gates(List.of(unnamed)))
                .hasMessage("qualityGates[0] 'qualityGate(…)': its arguments have to be named" + EXPECTED);
    }

    @Test
    void withoutAListOfGatesTheArgumentsAreLeftAsTheyAre() {
        Map<String, Object> arguments = Map.of("qualityGates", "m.json:acc change >= 0");

        assertThat(GateDescribables.asMaps(arguments)).isSameAs(arguments);
        assertThat(GateDescribables.asMaps(Map.of())).isEmpty();
    }

    private static Map<String, ?> gates(List<Object> gates) {
        return GateDescribables.asMaps(Map.of("qualityGates", gates));
    }
}
