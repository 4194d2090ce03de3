package io.jenkins.plugins.gputrain.core.engine;

/**
 * How the training command ended.
 *
 * @param exitCode its exit code ({@code -1} when it was stopped for the timeout)
 * @param timedOut whether it ran out of time and was stopped
 */
public record CommandResult(int exitCode, boolean timedOut) {
    /** Whether the command succeeded. */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }
}
