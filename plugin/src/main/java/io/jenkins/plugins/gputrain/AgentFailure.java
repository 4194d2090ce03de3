package io.jenkins.plugins.gputrain;

import java.io.IOException;

/**
 * A failure on the agent as it travels back to the controller: remoting serialises an exception with its fields and
 * causes, and the controller's class filter refuses any of their classes that comes from a bundled library without a
 * plugin manifest (JGit's {@code MissingObjectException} holds an {@code ObjectId}), which would hide the real error
 * behind "Rejected: …". So only a plain {@link IOException} travels, with the failure's words and stack.
 */
public final class AgentFailure {
    private AgentFailure() {}

    /** Work on the agent. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does it. */
        T run() throws IOException;
    }

    /**
     * Does the work; what it throws comes out as a plain {@link IOException}.
     *
     * @throws IOException the failure's message and its causes' (their class named unless plain), its stack
     */
    public static <T> T plainFailures(Work<T> work) throws IOException {
        try {
            return work.run();
        } catch (IOException | RuntimeException e) {
            throw plain(e);
        }
    }

    static IOException plain(Exception failure) {
        if (failure.getClass() == IOException.class && failure.getCause() == null) {
            return (IOException) failure;
        }
        StringBuilder message = new StringBuilder(describe(failure));
        for (Throwable cause = failure.getCause();
                cause != null && cause != cause.getCause();
                cause = cause.getCause()) {
            String described = describe(cause);
            if (message.indexOf(described) < 0) {
                message.append(" (").append(described).append(')');
            }
        }
        IOException plain = new IOException(message.toString());
        plain.setStackTrace(failure.getStackTrace());
        return plain;
    }

    private static String describe(Throwable failure) {
        return failure.getClass() == IOException.class && failure.getMessage() != null
                ? failure.getMessage()
                : failure.toString();
    }
}
