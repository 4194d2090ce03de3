package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a detached command stands in the pod, as {@link DetachedCommand#state} prints it: {@code missing},
 * {@code starting SIZE}, {@code running SIZE}, {@code ended CODE SIZE} or {@code gone SIZE}, where {@code SIZE} is its output file's size in
 * bytes.
 *
 * @param kind how it stands
 * @param exitCode its exit code, when it ended, else {@code -1}
 * @param size its output's size in bytes ({@code 0} when missing)
 */
record CommandState(Kind kind, int exitCode, long size) {
    private static final Pattern LINE =
            Pattern.compile("(missing)|(starting|running|gone) (\\d{1,19})|ended (\\d{1,3}) (\\d{1,19})");

    /** How a command stands. */
    enum Kind {
        /** Its directory does not exist: it was never started. */
        MISSING,
        /** Its shell has not written its PID yet, nor an exit code. */
        STARTING,
        /** Its shell runs, no exit code yet. */
        RUNNING,
        /** Its exit code is written. */
        ENDED,
        /** Its shell is gone without writing an exit code (killed). */
        GONE
    }

    /** What {@link #parse} expects, for a message. */
    static final String EXPECTED = "'missing', 'starting SIZE', 'running SIZE', 'ended CODE SIZE' or 'gone SIZE'";

    /**
     * Reads what the state exec printed.
     *
     * @param output its standard output
     * @return the state, or empty when the output is not one state line
     */
    static Optional<CommandState> parse(String output) {
        Matcher line = LINE.matcher(output.strip());
        if (!line.matches()) {
            return Optional.empty();
        }
        if (line.group(1) != null) {
            return Optional.of(new CommandState(Kind.MISSING, -1, 0));
        }
        try {
            if (line.group(2) != null) {
                Kind kind = Kind.valueOf(line.group(2).toUpperCase(Locale.ROOT));
                return Optional.of(new CommandState(kind, -1, Long.parseLong(line.group(3))));
            }
            int code = Integer.parseInt(line.group(4));
            return code > 255
                    ? Optional.empty()
                    : Optional.of(new CommandState(Kind.ENDED, code, Long.parseLong(line.group(5))));
        } catch (NumberFormatException e) {
            // a size beyond a long
            return Optional.empty();
        }
    }
}
