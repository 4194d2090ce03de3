package io.jenkins.plugins.gputrain.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --precision N} of {@code metrics diff} and {@code metrics show}: decimal places, 0 or more. */
final class PrecisionOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Integer places;

    @Option(names = "--precision", paramLabel = "N", description = "Decimal places of floats (default 5).")
    void setPlaces(int value) {
        if (value < 0) {
            throw new ParameterException(
                    mixee.commandLine(),
                    "--precision '" + value + "': expected a number of decimal places (0 or more)");
        }
        places = value;
    }

    /** The decimal places, or {@code null} for DVC's default. */
    Integer places() {
        return places;
    }
}
