package io.jenkins.plugins.gputrain.core.dvc.value;

/**
 * Python's {@code round(x, n)} without {@link java.math.BigDecimal} where the answer is provably Python's: in 128-bit
 * integer arithmetic, then one division by an exact power of ten; {@link Double#NaN} elsewhere, and {@link
 * PythonFloat} takes the exact path.
 */
final class IntegerRounding {
    /** {@code 5^0 … 5^27}, the powers of five below {@code 2^63}. */
    private static final long[] POWERS_OF_FIVE = new long[28];

    static {
        POWERS_OF_FIVE[0] = 1;
        for (int i = 1; i < POWERS_OF_FIVE.length; i++) {
            POWERS_OF_FIVE[i] = POWERS_OF_FIVE[i - 1] * 5;
        }
    }

    private IntegerRounding() {}

    /**
     * Python's {@code round(x, digits)} for {@code 0 ≤ digits ≤ 22}: {@code x × 10^digits} is {@code m × 5^digits /
     * 2^shift} exactly ({@code x = m / 2^(shift + digits)}), rounded half to even in 128-bit integer arithmetic to an
     * integer {@code r}; when {@code r < 2^53} the result {@code r / 10^digits} is one correctly
     * rounded division ({@link Decimal#readsAs}).
     *
     * @param x a positive finite double
     * @param digits decimal places
     * @return the rounded value, or {@link Double#NaN} where this path does not apply
     */
    static double round(double x, int digits) {
        if (digits < 0 || digits > Decimal.MAX_EXACT_POWER) {
            return Double.NaN;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) (bits >>> 52);
        long fraction = bits & (Decimal.EXACT_INTEGERS / 2 - 1);
        long mantissa = biased == 0 ? fraction : fraction | Decimal.EXACT_INTEGERS / 2;
        int shift = (biased == 0 ? 1074 : 1075 - biased) - digits;
        if (shift <= 0) {
            return x; // x has at most `digits` decimal places
        }
        long five = POWERS_OF_FIVE[digits];
        if (shift > 105) {
            return 0.0; // mantissa × 5^digits < 2^53 × 2^52: below one half
        }
        long high = Math.multiplyHigh(mantissa, five);
        long low = mantissa * five;
        long quotient;
        boolean half;
        boolean sticky;
        if (shift < 64) {
            if (high >>> shift != 0) {
                return Double.NaN;
            }
            quotient = (high << 1 << (63 - shift)) | (low >>> shift);
            half = (low >>> (shift - 1) & 1) != 0;
            sticky = (low & ((1L << (shift - 1)) - 1)) != 0;
        } else {
            quotient = shift == 64 ? high : high >>> (shift - 64);
            half = shift == 64 ? low < 0 : (high >>> (shift - 65) & 1) != 0;
            sticky = shift == 64 ? (low << 1) != 0 : low != 0 || (high & ((1L << (shift - 65)) - 1)) != 0;
        }
        long rounded = half && (sticky || (quotient & 1) != 0) ? quotient + 1 : quotient;
        if (rounded < 0 || rounded >= Decimal.EXACT_INTEGERS) {
            return Double.NaN;
        }
        return rounded / Decimal.POWERS_OF_TEN[digits];
    }
}
