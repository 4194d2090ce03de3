package io.jenkins.plugins.gputrain;

/** The start of every line gpu-train writes to a build console, so that its lines stand out from the command's. */
public final class ConsolePrefix {
    /** The prefix, with its separating space. */
    public static final String PREFIX = "[gpu-train] ";

    private ConsolePrefix() {}
}
