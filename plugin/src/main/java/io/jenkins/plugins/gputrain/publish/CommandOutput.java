package io.jenkins.plugins.gputrain.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one command did: its exit code and output, or why it could not be started (a missing executable is an
 * {@link IOException} from the Launcher, not an exit code). An abort is never "could not be started": the
 * kubernetes-plugin's ContainerExecDecorator turns the build's interrupt into an IOException (an
 * {@link InterruptedIOException}, or one caused by the {@link InterruptedException}), and it stays an
 * {@link InterruptedException} here.
 */
record CommandOutput(List<String> command, int exitCode, String stdout, String stderr, String notStarted) {
    /**
     * Runs the command and keeps what it printed.
     *
     * @throws InterruptedException when the build is aborted, also while the command is being started
     */
    static CommandOutput of(WorkspaceCommands commands, List<String> command) throws InterruptedException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            int exitCode = commands.run(command, stdout, stderr);
            return new CommandOutput(
                    command,
                    exitCode,
                    stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8),
                    null);
        } catch (IOException e) {
            if (isInterrupt(e)) {
                InterruptedException interrupted = new InterruptedException(e.getMessage());
                interrupted.initCause(e);
                throw interrupted;
            }
            return new CommandOutput(command, -1, "", "", firstLine(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Whether the IOException is the build's abort. The thread's interrupt status is cleared as when an
     * {@link InterruptedException} is thrown, so that completing the check as canceled is not interrupted in turn.
     */
    private static boolean isInterrupt(IOException e) {
        if (Thread.interrupted()) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // a SocketTimeoutException is an InterruptedIOException too, but a timeout, not an abort
            if (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)
                    || cause instanceof ClosedByInterruptException
                    || cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line of stdout that holds the JSON DVC printed. Inside {@code container('dvc')} the kubernetes-plugin's
     * ContainerExecDecorator sends the command's stderr into its stdout, so DVC's warnings can stand around it; DVC
     * prints its JSON as one line.
     */
    String jsonLine() {
        return stdout.lines()
                .filter(line -> line.startsWith("{"))
                .reduce((first, second) -> second)
                .orElse(stdout);
    }

    boolean succeeded() {
        return notStarted == null && exitCode == 0;
    }

    /** One line: why the command did not succeed. */
    String failure() {
        String line = "'" + String.join(" ", command) + "'";
        if (notStarted != null) {
            return line + " could not be started: " + notStarted;
        }
        String said = stderr.strip().isEmpty() ? stdout.strip() : stderr.strip();
        return line + " failed (exit code " + exitCode + ")" + (said.isEmpty() ? "" : ": " + firstLine(said));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
