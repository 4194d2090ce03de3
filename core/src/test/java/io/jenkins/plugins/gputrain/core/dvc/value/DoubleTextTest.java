package io.jenkins.plugins.gputrain.core.dvc.value;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DoubleTextTest {
    @Test
    void longTextsWithHugeExponentsAreNotClamped() {
        assertThat(DoubleText.parse("0." + "0".repeat(720) + "1e10240")).isInfinite();
        assertThat(DoubleText.parse("0." + "0".repeat(1023) + "1e10240")).isInfinite();
        assertThat(DoubleText.parse("1" + "0".repeat(700) + "e-10240")).isZero();
    }

    /** Any digits (short and long), any exponent: the double Double.parseDouble (and Python's float) gives. */
    @Property(tries = 2000)
    void theCorrectlyRoundedDoubleOfAnyDecimal(
            @ForAll("digits") String integer,
            @ForAll("digits") String fraction,
            @ForAll @IntRange(min = -99_999, max = 99_999) int exponent,
            @ForAll boolean negative) {
        String text = (negative ? "-" : "") + integer + "." + fraction + "e" + exponent;

        assertThat(Double.doubleToRawLongBits(DoubleText.parse(text)))
                .as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Provide
    Arbitrary<String> digits() {
        Arbitrary<String> shortDigits =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> zerosThenDigits =
                Arbitraries.integers().between(0, 1100).flatMap(zeros -> shortDigits.map(d -> "0".repeat(zeros) + d));
        Arbitrary<String> digitsThenZeros =
                Arbitraries.integers().between(0, 1100).flatMap(zeros -> shortDigits.map(d -> d + "0".repeat(zeros)));
        return Arbitraries.oneOf(shortDigits, zerosThenDigits, digitsThenZeros);
    }
}
