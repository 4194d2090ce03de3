package io.jenkins.plugins.gputrain.cli;

import java.math.BigInteger;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --precision N} of {@code metrics diff} and {@code metrics show}: decimal places as DVC takes them, any whole
 * number (negative rounds to tens, hundreds, …; 0 means DVC's default 5).
 */
final class PrecisionOption {
    /** Past Python's own bounds of {@code round} (323 and -308 digits), so every larger number means the same. */
    private static final BigInteger BOUND = BigInteger.valueOf(1000);

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Integer places;

    @Option(names = "--precision", paramLabel = "N", description = "Decimal places of floats (default 5).")
    void setPlaces(String value) {
        BigInteger number;
        try {
            number = new BigInteger(value);
        } catch (NumberFormatException e) {
            throw new ParameterException(
                    mixee.commandLine(), "--precision '" + value + "': expected a whole number of decimal places");
        }
        places = number.max(BOUND.negate()).min(BOUND).intValueExact();
    }

    /** The decimal places, or {@code null} for DVC's default. */
    Integer places() {
        return places;
    }
}
