package io.jenkins.plugins.gputrain.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One threshold rule for the form's check, {@code gpuTrain}'s check before the pod, the publisher and {@code --gate}:
 * what is accepted is a decimal a {@code double} holds as written.
 */
class ThresholdTest {
    private static final String EXPECTED = " (expected " + Threshold.EXPECTED + ")";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-0.01|-0.01",
                "1.50|1.5",
                "1e2|100",
                "-0|0",
                "0E+999999999|0",
                "5e-324|5E-324",
                "1e-310|1E-310",
                "0.12345678901234568|0.12345678901234568",
                "123456789012345|123456789012345",
                "2.82879384806159E17|282879384806159000",
                "1e23|100000000000000000000000",
            })
    void aDecimalADoubleHoldsIsKeptAsWritten(String text, String threshold) {
        assertThat(Threshold.parse("t", text)).isEqualTo(new BigDecimal(threshold));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1e400|is outside a double's range",
                "1e-400|is outside a double's range",
                "1.8e308|is outside a double's range",
                "1e-999999999|is outside a double's range",
                "1e1000000|is outside a double's range",
                "2e-324|is outside a double's range",
                "0.12345678901234567890123|a double cannot hold it as written (it would become 0.12345678901234568)",
                "0.12345678901234567|a double cannot hold it as written (it would become 0.12345678901234566)",
                "123456789012345678901|a double cannot hold it as written (it would become 1.2345678901234568e+20)",
                "9007199254740993|a double cannot hold it as written (it would become 9007199254740992.0)",
                "4.9e-324|a double cannot hold it as written (it would become 5e-324)",
                "3e-324|a double cannot hold it as written (it would become 5e-324)",
                "0x10|is not a number",
                "1f|is not a number",
                "NaN|is not a number",
            })
    void whatADoubleWouldChangeIsRefusedInOneLine(String text, String reason) {
        assertThatThrownBy(() -> Threshold.parse("quality gate 'm.json:acc' threshold", text))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("quality gate 'm.json:acc' threshold '" + text + "': " + reason + EXPECTED);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aHugeExponentOrTextOnTheCommandLineIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> QualityGate.parse("--gate", "m.json:acc change >= 1e-999999999"))
                .hasMessage("--gate 'm.json:acc change >= 1e-999999999': threshold '1e-999999999' is outside a"
                        + " double's range" + EXPECTED);
        assertThatThrownBy(() -> QualityGate.parse("--gate", "m.json:acc change >= 1e1000000"))
                .hasMessage("--gate 'm.json:acc change >= 1e1000000': threshold '1e1000000' is outside a double's"
                        + " range" + EXPECTED);
        String digits = "1".repeat(Threshold.MAX_LENGTH + 1);
        assertThatThrownBy(() -> QualityGate.parse("--gate", "m.json:acc change >= " + digits))
                .hasMessageStartingWith("--gate 'm.json:acc change >= 1111")
                .hasMessageEndingWith("…': threshold is longer than 400 characters" + EXPECTED);
    }

    @Test
    void jenkinsfileNumbersFollowTheSameRule() {
        assertThat(Threshold.of("t", 1)).isEqualTo(BigDecimal.ONE);
        assertThat(Threshold.of("t", 0.1f)).isEqualTo(new BigDecimal("0.10000000149011612"));
        assertThat(Threshold.of("t", new BigDecimal("-0.010"))).isEqualTo(new BigDecimal("-0.01"));
        assertThatThrownBy(() -> Threshold.of("t", new BigDecimal("1e400")))
                .hasMessage("t '1E+400': is outside a double's range" + EXPECTED);
        assertThatThrownBy(() -> Threshold.of("t", Long.MAX_VALUE))
                .hasMessage("t '9223372036854775807': a double cannot hold it as written (it would become"
                        + " 9.223372036854776e+18)" + EXPECTED);
        assertThatThrownBy(() -> Threshold.of("t", new BigInteger("123456789012345678901")))
                .hasMessageContaining("a double cannot hold it as written");
        assertThatThrownBy(() -> Threshold.of("t", Double.POSITIVE_INFINITY))
                .hasMessage("t 'Infinity': is not a finite number" + EXPECTED);
        assertThat(Threshold.of("t", Double.MAX_VALUE)).isEqualByComparingTo(new BigDecimal("1.7976931348623157e308"));
        assertThat(Threshold.of("t", Double.MIN_VALUE)).isEqualTo(new BigDecimal("5e-324"));
        assertThat(Threshold.of("t", 2.82879384806159E17))
                .as("the double's shortest decimal, not JDK 17's longer Double.toString (JDK-4511638)")
                .isEqualTo(new BigDecimal("282879384806159000"));
        assertThat(Threshold.of("t", new BigDecimal("0.12345678901234568")))
                .isEqualTo(new BigDecimal("0.12345678901234568"));
    }

    /** What the message promises is accepted: every decimal of at most 15 significant digits in that range, and 0. */
    @Property
    void fifteenSignificantDigitsBetween1eMinus307And1e308AreAlwaysAccepted(
            @ForAll("fifteenDigits") BigInteger digits, @ForAll("exponentInRange") int exponent) {
        BigDecimal number = new BigDecimal(digits).scaleByPowerOfTen(exponent - 14);

        assertThat(Threshold.parse("t", number.toString())).isEqualByComparingTo(number);
    }

    @Provide
    Arbitrary<BigInteger> fifteenDigits() {
        return Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(14), BigInteger.TEN.pow(15).subtract(BigInteger.ONE));
    }

    @Provide
    Arbitrary<Integer> exponentInRange() {
        return Arbitraries.integers().between(-307, 307);
    }

    /** The form checks the text; Stapler binds the same text to the gate's {@code String}; the publisher reads that. */
    @Property
    void whatTheFormCheckAcceptsIsWhatThePublisherGets(@ForAll("thresholdText") String text) {
        BigDecimal checked;
        try {
            checked = Threshold.parse("threshold", text);
        } catch (InvalidSpecException refused) {
            return;
        }
        QualityGate bound = QualityGate.ofText("m.json:acc", "change", ">=", text, "failure");
        assertThat(bound.threshold()).isEqualTo(checked);
        assertThat(handedOn(bound)).isEqualTo(bound);
    }

    /** {@code gpuTrain} checks Groovy's numbers before the pod and hands each gate on as text. */
    @Property
    void whatGpuTrainAcceptsComesBackEqualFromItsArguments(@ForAll("groovyNumber") Number number) {
        QualityGate gate;
        try {
            gate = GateArguments.of(List.of(Map.of("metric", "m.json:acc", "threshold", number)))
                    .get(0);
        } catch (InvalidSpecException refused) {
            return;
        }
        assertThat(handedOn(gate)).isEqualTo(gate);
        assertThat(QualityGate.parse("--gate", gate.describe())).isEqualTo(gate);
    }

    private static QualityGate handedOn(QualityGate gate) {
        Map<String, Object> arguments = GateArguments.toArguments(gate);
        return QualityGate.ofText(
                (String) arguments.get("metric"),
                (String) arguments.get("type"),
                (String) arguments.get("operator"),
                (String) arguments.get("threshold"),
                (String) arguments.get("criticality"));
    }

    @Provide
    Arbitrary<String> thresholdText() {
        return decimals().map(BigDecimal::toString);
    }

    @Provide
    Arbitrary<Number> groovyNumber() {
        return Arbitraries.oneOf(
                decimals().map(Number.class::cast),
                Arbitraries.integers().map(Number.class::cast),
                Arbitraries.longs().map(Number.class::cast),
                Arbitraries.bigIntegers().map(Number.class::cast));
    }

    /** Few and many digits, small and huge exponents, and the decimals of doubles. */
    private static Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigDecimal> written = Combinators.combine(
                        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                        Arbitraries.integers().between(-400, 400))
                .as(BigDecimal::new);
        Arbitrary<BigDecimal> fromDoubles =
                Arbitraries.doubles().filter(Double::isFinite).map(d -> new BigDecimal(Double.toString(d)));
        return Arbitraries.oneOf(written, fromDoubles);
    }
}
