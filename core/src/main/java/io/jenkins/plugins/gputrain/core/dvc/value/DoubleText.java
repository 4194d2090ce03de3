package io.jenkins.plugins.gputrain.core.dvc.value;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * A decimal text read as the correctly rounded double Python's {@code float()} and Java's
 * {@link Double#parseDouble} give: by Jackson's copy of FastDoubleParser when the text is short, by
 * {@code Double.parseDouble} otherwise. FastDoubleParser (Jackson 2.19) stops reading an exponent's digits once it
 * passes 1024, which a text of hundreds of digits can bring back into range ({@code 0.} + 720 zeros +
 * {@code 1e10240} would read as {@code 1e303}, not Python's {@code inf}); within {@link #FAST_LIMIT} characters no
 * significand can, so there both give the same double.
 */
public final class DoubleText {
    /** The longest text given to FastDoubleParser: a clamped exponent still overflows or underflows below it. */
    public static final int FAST_LIMIT = 100;

    private DoubleText() {}

    /**
     * The double of a text in Java's floating-point syntax.
     *
     * @param text the text
     * @return its correctly rounded double
     * @throws NumberFormatException when it is not a number
     */
    public static double parse(String text) {
        return text.length() <= FAST_LIMIT ? NumberInput.parseDouble(text, true) : Double.parseDouble(text);
    }
}
