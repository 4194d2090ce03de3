package io.jenkins.plugins.gputrain.core.dvc.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's {@code repr(float)} and {@code round(float, n)}, which DVC's tables and JSON print. */
public final class PythonFloat {
    /**
     * CPython's {@code NDIGITS_MAX} ({@code Objects/floatobject.c}: {@code (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103}):
     * beyond it {@code round} returns {@code x} itself.
     */
    static final int MAX_DIGITS = 323;

    /** CPython's {@code NDIGITS_MIN} ({@code -(DBL_MAX_EXP + 1) * 0.30103}): below it {@code round} gives a zero. */
    static final int MIN_DIGITS = -308;

    private PythonFloat() {}

    /**
     * Python {@code repr(x)}: the shortest digits that read back as {@code x}; positional notation with at least one
     * fractional digit when the decimal exponent is in [-4, 16), else {@code d[.ddd]e±XX}.
     *
     * @param x the value
     * @return e.g. {@code 1.0}, {@code 0.0001}, {@code 1e-05}, {@code 1.2345678901234568e+17}, {@code nan}, {@code -0.0}
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0.0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        String sign = x < 0 ? "-" : "";
        Decimal shortest = ShortestDecimal.of(Math.abs(x));
        String digits = shortest.digits();
        int exponent = shortest.exponent();
        if (exponent >= -4 && exponent < 16) {
            return sign + positional(digits, exponent);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    /**
     * Python {@code repr(complex(real, imag))} ({@code complex_repr} in CPython's {@code Objects/complexobject.c}): the
     * parts as {@link #repr} without a {@code .0}; a real part of {@code +0.0} left out, else both in parentheses with
     * the imaginary part's sign.
     *
     * @return e.g. {@code 1j}, {@code (1+2j)}, {@code (-0-1j)}, {@code 1e+20j}
     */
    public static String complexRepr(double real, double imag) {
        if (real == 0.0 && 1 / real > 0) {
            return part(imag) + "j";
        }
        String im = part(imag);
        return "(" + part(real) + (im.startsWith("-") ? "" : "+") + im + "j)";
    }

    /** {@link #repr} without the {@code .0} Python adds to floats (format {@code 'r'} without {@code ADD_DOT_0}). */
    private static String part(double x) {
        String repr = repr(x);
        return repr.endsWith(".0") ? repr.substring(0, repr.length() - 2) : repr;
    }

    /**
     * Python {@code round(x, digits)}: correctly rounded, half to even on the exact binary value.
     *
     * @param x the value
     * @param digits decimal places; negative rounds to tens, hundreds, … ({@code round(123.4, -1)} is {@code 120.0})
     * @return the rounded value; the sign of zero is kept ({@code round(-1e-7, 5)} is {@code -0.0}); {@code x} itself
     *     for more than {@value #MAX_DIGITS} digits and a zero of its sign for fewer than {@value #MIN_DIGITS}, as
     *     CPython's {@code float.__round__}
     */
    public static double round(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0.0 || digits > MAX_DIGITS) {
            return x;
        }
        if (digits < MIN_DIGITS) {
            return 0.0 * x;
        }
        double rounded = IntegerRounding.round(Math.abs(x), digits);
        if (Double.isNaN(rounded)) {
            rounded = exactRound(Math.abs(x), digits);
        }
        return x < 0 ? -rounded : rounded;
    }

    /** {@link #round} of a positive finite value in {@code BigDecimal} arithmetic. */
    static double exactRound(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String positional(String digits, int exponent) {
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }
}
