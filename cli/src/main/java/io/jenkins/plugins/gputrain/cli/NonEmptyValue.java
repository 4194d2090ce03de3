package io.jenkins.plugins.gputrain.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.TypeConversionException;

/**
 * The converters of every option's and parameter's text and path values: an empty value ({@code --image ""},
 * {@code -C "$UNSET"}) is a usage error, never "the default" or "the current directory".
 */
final class NonEmptyValue {
    private NonEmptyValue() {}

    /**
     * A text value.
     *
     * @param value as typed
     * @return the value
     * @throws TypeConversionException when it is empty or only white space
     */
    static String text(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("empty (expected a value, or leave the option out for its default)");
        }
        return value;
    }

    /**
     * A file or directory value.
     *
     * @param value as typed
     * @return the path
     * @throws TypeConversionException when it is empty or not a path
     */
    static Path path(String value) {
        try {
            return Path.of(text(value));
        } catch (InvalidPathException e) {
            throw new TypeConversionException("not a valid path (" + e.getReason() + ")");
        }
    }
}
