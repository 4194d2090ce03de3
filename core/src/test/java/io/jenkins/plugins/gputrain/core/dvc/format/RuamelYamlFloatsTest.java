package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RuamelYamlSchema#floating} reads a plain decimal with FastDoubleParser: the same double as {@link
 * Double#parseDouble} for every such text, and where Java refuses it the general reading decides as before.
 */
class RuamelYamlFloatsTest {
    @Property(tries = 3000)
    void aPlainDecimalReadsAsDoubleParseDoubleReadsIt(@ForAll("decimals") String text) {
        double expected;
        try {
            expected = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return; // not Java's: the general reading (underscores, .inf, .nan) is unchanged
        }
        assertThat(Double.doubleToRawLongBits(RuamelYamlSchema.floating(text, false)))
                .as("%s", text)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    /** Decimals as YAML files hold them: written doubles, long and halfway digit strings, any mix of the characters. */
    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMaxLength(30);
        Arbitrary<String> exponent = Combinators.combine(
                        Arbitraries.of("", "e", "E"),
                        sign,
                        Arbitraries.integers().between(0, 400))
                .as((e, s, n) -> e.isEmpty() ? "" : e + s + n);
        Arbitrary<String> composed = Combinators.combine(sign, digits, Arbitraries.of("", "."), digits, exponent)
                .as((s, whole, point, fraction, e) -> s + whole + point + fraction + e);
        Arbitrary<Double> doubles =
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<String> written = doubles.map(String::valueOf);
        Arbitrary<String> precise = Combinators.combine(
                        doubles, Arbitraries.integers().between(1, 25))
                .as((d, p) -> String.format(Locale.ROOT, "%." + p + "e", d));
        // the exact decimal halfway between a double and the next: round half to even decides
        Arbitrary<String> halfway = doubles.filter(d -> d > 0 && d < Double.MAX_VALUE)
                .map(d -> new BigDecimal(d)
                        .add(new BigDecimal(Math.nextUp(d)))
                        .divide(BigDecimal.valueOf(2))
                        .toString());
        Arbitrary<String> mixed = Arbitraries.strings()
                .withChars("0123456789.eE+-")
                .ofMinLength(1)
                .ofMaxLength(30);
        Arbitrary<String> fractions =
                Arbitraries.integers().between(0, 1_000_000).map(i -> String.valueOf(i / 7.0));
        return Arbitraries.oneOf(composed, written, precise, halfway, mixed, fractions);
    }
}
