package io.jenkins.plugins.gputrain.core.dvc.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The digits of Python's {@code repr(float)} (CPython's {@code _Py_dg_dtoa} mode 0): the shortest decimal that reads
 * back as the value and, of those, the nearest to it.
 *
 * <p>{@link Double#toString} proposes a candidate, which is proven where it can be cheaply: it reads back, neither of
 * its neighbours with one digit fewer reads back (the decimals that read back as {@code x} are an interval, so then
 * none shorter does), and neither of its neighbours of its own length reads back (so it is the only one). JDK 17's
 * {@code Double.toString} is not always the shortest (JDK-4511638): then the exact search in {@code BigDecimal} runs
 * from one digit; where only the uniqueness fails it runs from the candidate's length.
 */
final class ShortestDecimal {
    private ShortestDecimal() {}

    /**
     * The shortest decimal of a value.
     *
     * @param x a positive finite double
     * @return its shortest nearest decimal
     */
    static Decimal of(double x) {
        Decimal candidate = Decimal.parse(Double.toString(x));
        if (candidate == null || !Decimal.readsAs(candidate.significand(), candidate.power(), x)) {
            return exact(x, 1);
        }
        long digits = candidate.significand();
        int power = candidate.power();
        if (digits >= 10
                && (Decimal.readsAs(digits / 10, power + 1, x) || Decimal.readsAs(digits / 10 + 1, power + 1, x))) {
            return exact(x, 1);
        }
        if (Decimal.readsAs(digits - 1, power, x) || Decimal.readsAs(digits + 1, power, x)) {
            return exact(x, candidate.length());
        }
        return candidate;
    }

    /**
     * The exact search: per length from {@code fromLength} on, the nearest decimal of that length, else the other
     * neighbour of {@code x} of that length (which is the one reading back where a power of two's lower neighbour,
     * half as far as its upper one, bounds the interval more tightly).
     *
     * @param x a positive finite double
     * @param fromLength a length no shorter than the shortest decimal's
     * @return its shortest nearest decimal
     */
    static Decimal exact(double x, int fromLength) {
        BigDecimal exact = new BigDecimal(x);
        for (int length = fromLength; ; length++) {
            BigDecimal nearest = exact.round(new MathContext(length, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == x) {
                return decimal(nearest);
            }
            RoundingMode away = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
            BigDecimal other = exact.round(new MathContext(length, away));
            if (other.doubleValue() == x) {
                return decimal(other);
            }
        }
    }

    private static Decimal decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return new Decimal(stripped.unscaledValue().longValueExact(), -stripped.scale());
    }
}
