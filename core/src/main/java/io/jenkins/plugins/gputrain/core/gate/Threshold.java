package io.jenkins.plugins.gputrain.core.gate;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonFloat;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.math.BigDecimal;

/**
 * The one rule for a quality gate's threshold, wherever it is typed (the form's check, {@code gpuTrain}'s check before
 * the pod, the publisher, {@code gpu-train report --gate}): a decimal that a {@code double} holds as written, because
 * a Jenkinsfile may give it as one (a Groovy {@code double}) and {@code quality-gates.json} writes it as a JSON number,
 * which most readers take as one: the shortest decimal of its double ({@link PythonFloat#repr}, not JDK 17's
 * {@code Double.toString}, which is at times longer, JDK-4511638). So {@code -0.01}, {@code 5e-324} and
 * {@code 0.12345678901234568} are kept everywhere, as is every decimal of at most 15 significant digits between
 * {@code 1e-307} and {@code 1e308}, while {@code 1e400} (infinite as a double), {@code 1e-400} (0), {@code 4.9e-324}
 * (5e-324) and {@code 0.12345678901234567890123} (rounded) are refused rather than changed; the text is at most
 * {@value #MAX_LENGTH} characters (a double's longest plain decimal has 328) and its exponent within a double's
 * range, so nothing huge is ever computed or written out.
 */
public final class Threshold {
    /** The longest threshold text read. */
    public static final int MAX_LENGTH = 400;

    /** What a threshold may be, for messages. */
    public static final String EXPECTED =
            "a number a double holds as written, such as -0.01: 0 or the shortest decimal of a double, as Python's"
                    + " repr writes it (every number of at most 15 significant digits between 1e-307 and 1e308 is"
                    + " one)";

    /** A double's largest decimal exponent: {@code 1.7976931348623157e308}. */
    private static final int MAX_EXPONENT = 308;

    /** A double's smallest decimal exponent: {@code 4.9e-324}. */
    private static final int MIN_EXPONENT = -324;

    private Threshold() {}

    /**
     * Reads a threshold as typed.
     *
     * @param field the field or option named in the message
     * @param text the threshold
     * @return the threshold without trailing zeros ({@code 1.50} as {@code 1.5}, {@code 1e2} as {@code 100})
     * @throws InvalidSpecException naming the field, when the text is not such a number
     */
    public static BigDecimal parse(String field, String text) {
        return parse(field, text, text);
    }

    /**
     * Reads the threshold {@code word} of a longer {@code input}, e.g. of a {@code --gate}.
     *
     * @param field the field or option named in the message
     * @param input what the user typed, echoed in the message
     * @param word the threshold in it
     * @return the threshold without trailing zeros
     * @throws InvalidSpecException naming the field and, when it is part of the input, the threshold
     */
    public static BigDecimal parse(String field, String input, String word) {
        String text = word == null ? "" : word.strip();
        if (text.isEmpty()) {
            throw refused(field, input, word, "missing");
        }
        if (text.length() > MAX_LENGTH) {
            throw refused(field, input, word, "is longer than " + MAX_LENGTH + " characters");
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw refused(field, input, word, "is not a number");
        }
        return exact(field, input, word, decimal);
    }

    /**
     * A threshold as a Jenkinsfile, the form binding or Configuration-as-Code gives it.
     *
     * @param field the field named in the message
     * @param number a {@code double} (as its shortest decimal) or an exact number (Groovy's {@code BigDecimal},
     *     {@code Integer}, {@code Long}, {@code BigInteger}); {@code null} is refused as missing (Jenkins would
     *     otherwise fill a missing primitive with 0)
     * @return the threshold without trailing zeros
     * @throws InvalidSpecException naming the field, when the number is not one a double holds as written
     */
    public static BigDecimal of(String field, Number number) {
        if (number == null) {
            throw refused(field, "", "", "missing");
        }
        String shown = number.toString();
        if (number instanceof Double || number instanceof Float) {
            double real = number.doubleValue();
            if (!Double.isFinite(real)) {
                throw refused(field, shown, shown, "is not a finite number");
            }
            return plain(shortest(real));
        }
        BigDecimal decimal = number instanceof BigDecimal exact ? exact : new BigDecimal(shown);
        return exact(field, shown, shown, decimal);
    }

    /** The decimal, when a double holds it as written; its exponent is checked first, so nothing huge is computed. */
    private static BigDecimal exact(String field, String input, String word, BigDecimal decimal) {
        if (decimal.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long exponent = (long) decimal.precision() - decimal.scale() - 1;
        double real = exponent > MAX_EXPONENT || exponent < MIN_EXPONENT ? 0 : decimal.doubleValue();
        if (real == 0 || !Double.isFinite(real)) {
            throw refused(field, input, word, "is outside a double's range");
        }
        if (shortest(real).compareTo(decimal) != 0) {
            throw refused(
                    field,
                    input,
                    word,
                    "a double cannot hold it as written (it would become " + PythonFloat.repr(real) + ")");
        }
        return plain(decimal);
    }

    /** The shortest decimal that reads back as a finite non-zero double. */
    private static BigDecimal shortest(double real) {
        return new BigDecimal(PythonFloat.repr(real));
    }

    /** {@code 1.0} as {@code 1}, {@code 0.50} as {@code 0.5}: a Groovy or form number as the user means it. */
    private static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static InvalidSpecException refused(String field, String input, String word, String reason) {
        String part = word == null || word.equals(input)
                ? ""
                : word.length() > MAX_LENGTH ? "threshold " : "threshold '" + word + "' ";
        return new InvalidSpecException(field, input, part + reason, EXPECTED);
    }
}
