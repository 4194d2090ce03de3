package io.jenkins.plugins.gputrain.cli;

/**
 * A failed precondition or runtime failure (unknown revision, unreadable file, unreachable cluster): reported by
 * {@link ErrorReporting} as one {@code ERROR:} line on standard error, with exit code {@link #FAILED}.
 */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Exit code of a runtime failure. */
    static final int FAILED = 1;

    /**
     * Creates the failure.
     *
     * @param message one line naming the option, file or context and what was expected
     */
    CommandFailure(String message) {
        super(message);
    }

    /**
     * Creates the failure for a caught exception, keeping it as the cause (its trace is never printed).
     *
     * @param message one line naming the option, file or context and what was expected
     * @param cause what was caught
     */
    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
