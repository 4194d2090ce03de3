package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Plot cells and JSON floats are parsed by Jackson's copy of FastDoubleParser instead of {@link Double#parseDouble}:
 * the same double, bit for bit, and the same text refused (NaN for a cell), for every double's spellings and for
 * arbitrary decimal and number-like text.
 */
class FastDoubleParsingProperties {
    private static final DataFileReader READER = new DataFileReader();

    @Property(tries = 1000)
    void everyDoubleReadsBackAsJavaReadsIt(@ForAll long bits) {
        double x = Double.longBitsToDouble(bits);
        if (!Double.isFinite(x)) {
            return;
        }
        for (String text : List.of(
                Double.toString(x),
                String.format(Locale.ROOT, "%.17g", x),
                String.format(Locale.ROOT, "%.25e", x),
                String.format(Locale.ROOT, "%.3e", x),
                new BigDecimal(x).toString())) {
            assertSameAsJava(text);
            assertJsonSameAsJava(text);
        }
    }

    @Property(tries = 1000)
    void decimalsOfAnyLengthReadAsJavaReadsThem(@ForAll("decimals") String text) {
        assertSameAsJava(text);
        assertJsonSameAsJava(text);
    }

    @Property(tries = 1000)
    void numberLikeTextIsReadOrRefusedAsJavaDoes(@ForAll("numberLike") String text) {
        assertSameAsJava(text);
    }

    private static void assertSameAsJava(String text) {
        assertThat(Double.doubleToRawLongBits(Datapoints.number(new Value.Str(text))))
                .as(text)
                .isEqualTo(Double.doubleToRawLongBits(java(text)));
    }

    private static void assertJsonSameAsJava(String text) {
        if (text.startsWith("+") || !text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            return; // not a JSON number
        }
        Value read;
        try {
            read = READER.read("m.json", ("[" + text + "]").getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
        Value first = ((Value.Seq) read).items().get(0);
        if (first instanceof Value.Float f) {
            assertThat(Double.doubleToRawLongBits(f.value()))
                    .as(text)
                    .isEqualTo(Double.doubleToRawLongBits(java(text)));
        }
    }

    /** What {@code Datapoints.number} gave with {@link Double#parseDouble}. */
    private static double java(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> digits =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(40);
        Arbitrary<String> exponent = Arbitraries.integers()
                .between(-400, 400)
                .map(e -> "e" + e)
                .optional()
                .map(e -> e.orElse(""));
        return Combinators.combine(Arbitraries.of("", "-"), digits, fraction, exponent)
                .as((sign, whole, part, exp) ->
                        sign + whole.replaceFirst("^0+(?=.)", "") + (part.isEmpty() ? "" : "." + part) + exp);
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.eE+-dDfFxXpPaA_ \t").ofMaxLength(20),
                Arbitraries.of(
                        "NaN",
                        "-Infinity",
                        "+Infinity",
                        "Infinity",
                        "inf",
                        "nan",
                        "1d",
                        "1f",
                        "1.5D",
                        "0x1p3",
                        "0x1.8P-2",
                        ".5",
                        "5.",
                        "1e",
                        "1e+",
                        "--1",
                        "1_000",
                        " 7 ",
                        "\u00a07",
                        "1e99999",
                        "0x"));
    }
}
