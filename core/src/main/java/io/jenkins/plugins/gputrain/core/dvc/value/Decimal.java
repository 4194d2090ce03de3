package io.jenkins.plugins.gputrain.core.dvc.value;

/**
 * A positive decimal {@code significand × 10^power}, the significand without trailing zeros.
 *
 * @param significand the digits, at most 18
 * @param power the power of ten of the last digit
 */
record Decimal(long significand, int power) {
    /** Below this, every integer is a double. */
    static final long EXACT_INTEGERS = 1L << 53;

    /** The largest power of ten that is a double. */
    static final int MAX_EXACT_POWER = 22;

    /** {@code 10^0 … 10^22}. */
    static final double[] POWERS_OF_TEN = new double[MAX_EXACT_POWER + 1];

    private static final int MAX_DIGITS = 18;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * Reads {@link Double#toString}'s text of a positive double ({@code 123.45}, {@code 1.0E-5}).
     *
     * @param text the text
     * @return the decimal, or {@code null} for more than 18 significant digits
     */
    static Decimal parse(String text) {
        long significand = 0;
        int digits = 0;
        int power = 0;
        boolean fraction = false;
        int i = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                fraction = true;
            } else if (c == 'E') {
                break;
            } else {
                if (significand != 0 || c != '0') {
                    if (++digits > MAX_DIGITS) {
                        return null;
                    }
                    significand = significand * 10 + (c - '0');
                }
                if (fraction) {
                    power--;
                }
            }
        }
        if (i < text.length()) {
            power += Integer.parseInt(text.substring(i + 1));
        }
        if (significand == 0) {
            return null;
        }
        while (significand % 10 == 0) {
            significand /= 10;
            power++;
        }
        return new Decimal(significand, power);
    }

    /**
     * Whether {@code significand × 10^power} reads back as {@code x}, as Python's {@code float(str)} (correctly
     * rounded, as {@link Double#parseDouble}) reads it. With {@code significand < 2^53} and {@code |power| ≤ 22} that
     * is one multiplication or division of two exact doubles, which IEEE 754 rounds correctly; else the text is read.
     *
     * @param significand the digits; none (zero or less) reads as no positive {@code x}
     * @param power the power of ten of the last digit
     * @param x a positive double
     * @return whether the decimal reads back as {@code x}
     */
    static boolean readsAs(long significand, int power, double x) {
        if (significand <= 0) {
            return false;
        }
        if (significand < EXACT_INTEGERS && Math.abs(power) <= MAX_EXACT_POWER) {
            double value = power >= 0 ? significand * POWERS_OF_TEN[power] : significand / POWERS_OF_TEN[-power];
            return Double.compare(value, x) == 0; // exact: both positive, neither NaN
        }
        return Double.compare(Double.parseDouble(significand + "E" + power), x) == 0;
    }

    /** The significand's digits. */
    String digits() {
        return Long.toString(significand);
    }

    /** How many digits the significand has. */
    int length() {
        return digits().length();
    }

    /** The power of ten of the first digit: {@code 2} for {@code 123.4}, {@code -5} for {@code 0.00001}. */
    int exponent() {
        return length() - 1 + power;
    }
}
