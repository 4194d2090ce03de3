package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Which plot values are numbers no chart can place: exactly the infinite and NaN ones, however written. */
class NonFiniteValuesProperties {
    @Property
    void finiteNumbersAreDrawnWhateverTheirForm(@ForAll @DoubleRange(min = -1e300, max = 1e300) double value) {
        assertThat(Datapoints.isNonFinite(new Value.Float(value))).isFalse();
        assertThat(Datapoints.isNonFinite(new Value.Str(Double.toString(value))))
                .isFalse();
        assertThat(Datapoints.isNonFinite(new Value.Str(" " + value + " "))).isFalse();
    }

    @Property
    void infinityAndNanAreNotDrawnInAnyCaseOrSign(
            @ForAll("spellings") String spelling, @ForAll boolean upper, @ForAll("signs") String sign) {
        String text = sign + (upper ? spelling.toUpperCase(java.util.Locale.ROOT) : spelling);

        assertThat(Datapoints.isNonFinite(new Value.Str(text))).as(text).isTrue();
    }

    @Property
    void wordsAndEmptyCellsAreNotNumbersAtAll(@ForAll("words") String word) {
        assertThat(Datapoints.isNonFinite(new Value.Str(word))).isFalse();
    }

    @Property(tries = 10)
    void anIntegerTooLargeForADoubleIsNotDrawn(
            @ForAll @net.jqwik.api.constraints.IntRange(min = 309, max = 400) int digits) {
        assertThat(Datapoints.isNonFinite(new Value.Int(BigInteger.TEN.pow(digits))))
                .isTrue();
        assertThat(Datapoints.isNonFinite(new Value.Int(BigInteger.TEN.pow(digits - 300))))
                .isFalse();
    }

    @Property(tries = 10)
    void aCellTooLargeForADoubleIsNotDrawn(
            @ForAll @net.jqwik.api.constraints.IntRange(min = 309, max = 400) int exponent,
            @ForAll("signs") String sign) {
        assertThat(Datapoints.isNonFinite(new Value.Str(sign + "1e" + exponent)))
                .isTrue();
        assertThat(Datapoints.isNonFinite(new Value.Str(sign + "9".repeat(exponent))))
                .isTrue();
        assertThat(Datapoints.isNonFinite(new Value.Str(sign + "1e" + (exponent - 300))))
                .isFalse();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> spellings() {
        return net.jqwik.api.Arbitraries.of("inf", "Infinity", "nan", "NaN", "infinity");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> signs() {
        return net.jqwik.api.Arbitraries.of("", "-", "+");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> words() {
        return net.jqwik.api.Arbitraries.strings().alpha().ofMaxLength(8).filter(w -> !w.toLowerCase(
                        java.util.Locale.ROOT)
                .matches("inf|infinity|nan"));
    }
}
