package io.jenkins.plugins.gputrain.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Runs a command in the build's workspace, where the build runs its own (the agent, or a container around it). */
interface WorkspaceCommands {
    /**
     * Runs the command to its end.
     *
     * @return its exit code
     * @throws IOException when it cannot be started, as {@code hudson.Proc} throws for a missing executable
     */
    int run(List<String> command, OutputStream stdout, OutputStream stderr) throws IOException, InterruptedException;
}
