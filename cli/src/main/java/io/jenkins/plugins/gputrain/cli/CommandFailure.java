package io.jenkins.plugins.gputrain.cli;

/** A failure the command reports as one {@code ERROR:} line on standard error, with an exit code. */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Infrastructure or input failure (unknown revision, unreadable repository). */
    static final int FAILED = 1;

    private final int exitCode;

    CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
