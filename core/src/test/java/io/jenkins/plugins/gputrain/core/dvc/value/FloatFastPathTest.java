package io.jenkins.plugins.gputrain.core.dvc.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link PythonFloat} against the exact {@code BigDecimal} paths, and both against what CPython
 * itself printed ({@code python-float/python-floats.txt}: {@code repr(x)} and {@code repr(round(x, n))} for n = 0,
 * 2, 5, 8, written by CPython 3.11.7 for every power of two, every power of ten, random bit patterns, subnormals,
 * the generated metrics and halfway cases).
 */
class FloatFastPathTest {
    private static final int[] PRECISIONS = {0, 2, 5, 8};

    @Property(tries = 120_000)
    void shortestDecimalIsTheExactSearchs(@ForAll("doubles") double x) {
        assertThat(ShortestDecimal.of(x)).isEqualTo(ShortestDecimal.exact(x, 1));
    }

    @Property(tries = 120_000)
    void integerRoundingIsTheExactRoundingWhereItApplies(
            @ForAll("doubles") double x, @ForAll("precisions") int digits) {
        double fast = IntegerRounding.round(x, digits);
        if (!Double.isNaN(fast)) {
            assertThat(fast).isEqualTo(PythonFloat.exactRound(x, digits));
        }
    }

    @Test
    void theFastPathsCoverTheGeneratedMetrics() {
        int rounded = 0;
        int unique = 0;
        for (int i = 0; i < 10_000; i++) {
            double x = i / 7.0 + 0.5;
            rounded += Double.isNaN(IntegerRounding.round(x, 5)) ? 0 : 1;
            unique += Objects.equals(ShortestDecimal.of(x), Decimal.parse(Double.toString(x))) ? 1 : 0;
        }
        assertThat(rounded).isEqualTo(10_000);
        assertThat(unique).isGreaterThan(9_000);
    }

    @Test
    void everyReprAndRoundIsWhatCPythonPrinted() throws IOException {
        List<String> wrong = new ArrayList<>();
        int lines = 0;
        try (InputStream in =
                        Objects.requireNonNull(getClass().getResourceAsStream("/python-float/python-floats.txt"));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                lines++;
                String[] fields = line.split(" ");
                double x = Double.longBitsToDouble(Long.parseUnsignedLong(fields[0], 16));
                StringBuilder ours = new StringBuilder(fields[0]).append(' ').append(PythonFloat.repr(x));
                for (int digits : PRECISIONS) {
                    ours.append(' ').append(PythonFloat.repr(PythonFloat.round(x, digits)));
                }
                if (!ours.toString().equals(line)) {
                    wrong.add(ours + " (CPython: " + line + ")");
                }
            }
        }
        assertThat(lines).isGreaterThan(4_000);
        assertThat(wrong).isEmpty();
    }

    /** Any bit pattern, subnormals, powers of two and ten, short decimals and binary halfway cases, either sign. */
    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                        Arbitraries.longs().map(Double::longBitsToDouble),
                        Arbitraries.longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble),
                        Arbitraries.integers().between(-1074, 1023).map(k -> Math.scalb(1.0, k)),
                        Arbitraries.integers().between(-323, 308).map(k -> Double.parseDouble("1e" + k)),
                        Arbitraries.longs().between(1, 99_999_999).flatMap(digits -> Arbitraries.integers()
                                .between(-12, 12)
                                .map(power -> Double.parseDouble(digits + "5E" + power))),
                        Arbitraries.longs().between(0, 1L << 20).flatMap(odd -> Arbitraries.integers()
                                .between(1, 30)
                                .map(k -> Math.scalb(2.0 * odd + 1, -k))))
                .filter(x -> Double.isFinite(x) && x != 0)
                .map(Math::abs);
    }

    /** DVC's default precision (5), and any other a user gives with {@code --precision}. */
    @Provide
    Arbitrary<Integer> precisions() {
        return Arbitraries.oneOf(Arbitraries.just(5), Arbitraries.integers().between(-3, 25));
    }
}
