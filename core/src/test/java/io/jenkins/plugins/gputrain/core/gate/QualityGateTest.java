package io.jenkins.plugins.gputrain.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate syntax of {@code --gate} and the fields of a Jenkinsfile's {@code qualityGates}. */
class QualityGateTest {
    @Test
    void readsTheCommandLineSyntax() {
        QualityGate gate = QualityGate.parse("--gate", "  evaluation/metrics.json:acc   change >= -0.01 ");

        assertThat(gate)
                .isEqualTo(new QualityGate(
                        new MetricReference("evaluation/metrics.json", "acc"),
                        GateType.CHANGE,
                        GateOperator.AT_LEAST,
                        new BigDecimal("-0.01"),
                        Criticality.FAILURE));
        assertThat(QualityGate.parse("--gate", "m.json:train loss VALUE < 1e-3 Unstable"))
                .isEqualTo(new QualityGate(
                        new MetricReference("m.json", "train loss"),
                        GateType.VALUE,
                        GateOperator.LESS_THAN,
                        new BigDecimal("1e-3"),
                        Criticality.UNSTABLE));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "''; --gate '': expected a metric, a type, an operator and a threshold (expected 'FILE:KEY change|value"
                        + " >=|>|<=|< NUMBER [unstable|failure]')",
                "m.json:acc change >= ; --gate 'm.json:acc change >=': expected a metric, a type, an operator and a"
                        + " threshold (expected 'FILE:KEY change|value >=|>|<=|< NUMBER [unstable|failure]')",
                "m.json:acc chnage >= 0 ; --gate 'm.json:acc chnage >= 0': unknown gate type 'chnage' (expected one of"
                        + " change, value)",
                "m.json:acc change => 0 ; --gate 'm.json:acc change => 0': unknown operator '=>' (expected one of >=, >,"
                        + " <=, <)",
                "m.json:acc change >= abc ; --gate 'm.json:acc change >= abc': threshold 'abc' is not a number"
                        + " (expected " + Threshold.EXPECTED + ")",
                "m.json:acc change >= 0 fatal ; --gate 'm.json:acc change >= 0 fatal': threshold 'fatal' is not a number"
                        + " (expected " + Threshold.EXPECTED + ")",
                "acc change >= 0 ; --gate 'acc': no ':' between the metrics file and the key (expected FILE:KEY, e.g."
                        + " evaluation/metrics.json:acc)",
                ":acc change >= 0 ; --gate ':acc': no metrics file before ':' (expected FILE:KEY, e.g."
                        + " evaluation/metrics.json:acc)",
                "m.json: change >= 0 ; --gate 'm.json:': no metric key after ':' (expected FILE:KEY, e.g."
                        + " evaluation/metrics.json:acc)",
                "../m.json:acc change >= 0 ; --gate '../m.json:acc': the metrics file is outside the repository"
                        + " (expected a metrics file inside the repository, FILE:KEY, e.g. evaluation/metrics.json:acc)",
                "a/../../m.json:acc change >= 0 ; --gate 'a/../../m.json:acc': the metrics file is outside the"
                        + " repository (expected a metrics file inside the repository, FILE:KEY, e.g."
                        + " evaluation/metrics.json:acc)",
                "/tmp/m.json:acc change >= 0 ; --gate '/tmp/m.json:acc': the metrics file is an absolute path"
                        + " (expected a metrics file inside the repository, FILE:KEY, e.g. evaluation/metrics.json:acc)",
                "./:acc change >= 0 ; --gate './:acc': no metrics file before ':' (expected FILE:KEY, e.g."
                        + " evaluation/metrics.json:acc)",
            })
    void aBadGateIsOneLineNamingTheGate(String gate, String message) {
        assertThatThrownBy(() -> QualityGate.parse("--gate", gate))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(message);
    }

    @Test
    void jenkinsfileFieldsHaveDefaultsAndMessagesNamingTheGate() {
        assertThat(QualityGate.of("m.json:acc", "", null, -0.01, " "))
                .isEqualTo(QualityGate.parse("x", "m.json:acc change >= -0.01 failure"));
        assertThat(QualityGate.of("m.json:loss", "value", "<", 0.3, "unstable").describe())
                .isEqualTo("m.json:loss value < 0.3 unstable");

        assertThatThrownBy(() -> QualityGate.of("acc", "change", ">=", 0, "failure"))
                .hasMessage("quality gate 'acc' metric 'acc': no ':' between the metrics file and the key (expected"
                        + " FILE:KEY, e.g. evaluation/metrics.json:acc)");
        assertThatThrownBy(() -> QualityGate.of("m.json:acc", "delta", ">=", 0, "failure"))
                .hasMessage(
                        "quality gate 'm.json:acc' type 'delta': unknown gate type (expected one of change, value)");
        assertThatThrownBy(() -> QualityGate.of("m.json:acc", "change", "=", 0, "failure"))
                .hasMessage("quality gate 'm.json:acc' operator '=': unknown operator (expected one of >=, >, <=, <)");
        assertThatThrownBy(() -> QualityGate.of("m.json:acc", "change", ">=", 0, "error"))
                .hasMessage("quality gate 'm.json:acc' criticality 'error': unknown criticality (expected one of"
                        + " unstable, failure)");
        assertThatThrownBy(() -> QualityGate.of("m.json:acc", "change", ">=", null, "failure"))
                .hasMessage("quality gate 'm.json:acc' threshold '': missing (expected " + Threshold.EXPECTED + ")");
        assertThatThrownBy(() -> QualityGate.of("m.json:acc", "", "", new BigDecimal("0.10000000000000000555"), ""))
                .hasMessage("quality gate 'm.json:acc' threshold '0.10000000000000000555': a double cannot hold it"
                        + " as written (it would become 0.1) (expected " + Threshold.EXPECTED + ")");
        assertThat(QualityGate.of("m.json:acc", "", "", 0.1, "").threshold()).isEqualTo(new BigDecimal("0.1"));
        assertThatThrownBy(() -> QualityGate.of("m.json:acc", "change", ">=", Double.NaN, "failure"))
                .hasMessage("quality gate 'm.json:acc' threshold 'NaN': is not a finite number (expected "
                        + Threshold.EXPECTED + ")");
    }

    @Property
    void describeReadsBackAsTheSameGate(@ForAll("gates") QualityGate gate) {
        assertThat(QualityGate.parse("--gate", gate.describe())).isEqualTo(gate);
    }

    @Property
    void anyTextEitherParsesOrFailsWithOneLineNamingTheOption(@ForAll("gateLikeText") String text) {
        try {
            QualityGate gate = QualityGate.parse("--gate", text);
            assertThat(QualityGate.parse("--gate", gate.describe())).isEqualTo(gate);
        } catch (InvalidSpecException e) {
            assertThat(e.getMessage()).startsWith("--gate '").doesNotContain("\n", "\r");
        }
    }

    @Provide
    Arbitrary<QualityGate> gates() {
        Arbitrary<String> name = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('_', '.', '/', '-', '0')
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<MetricReference> metric = Combinators.combine(name, name)
                .as((file, key) -> file + ":" + key)
                .filter(QualityGateTest::isMetricReference)
                .map(reference -> MetricReference.parse("metric", reference));
        Arbitrary<BigDecimal> threshold = Arbitraries.bigDecimals()
                .between(new BigDecimal("-1000"), new BigDecimal("1000"))
                .ofScale(4)
                .map(decimal -> Threshold.of("threshold", decimal));
        return Combinators.combine(
                        metric,
                        Arbitraries.of(GateType.class),
                        Arbitraries.of(GateOperator.class),
                        threshold,
                        Arbitraries.of(Criticality.class))
                .as(QualityGate::new);
    }

    private static boolean isMetricReference(String text) {
        try {
            MetricReference.parse("metric", text);
            return true;
        } catch (InvalidSpecException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> gateLikeText() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of(
                        "m.json:acc",
                        "change",
                        "value",
                        ">=",
                        ">",
                        "<=",
                        "<",
                        "-0.01",
                        "1e3",
                        "unstable",
                        "failure",
                        ":",
                        "x:",
                        ":y",
                        "=>",
                        "\n",
                        "\u2028",
                        "NaN"),
                Arbitraries.strings().ofMaxLength(6));
        return word.list().ofMaxSize(7).map(words -> String.join(" ", words));
    }

    @Test
    void gateSyntaxNamesEveryOperatorAndType() {
        List<String> words = List.of(QualityGate.SYNTAX.split("[ |']+"));
        for (GateOperator operator : GateOperator.values()) {
            assertThat(words).contains(operator.symbol());
        }
        for (GateType type : GateType.values()) {
            assertThat(words).contains(type.value());
        }
    }
}
