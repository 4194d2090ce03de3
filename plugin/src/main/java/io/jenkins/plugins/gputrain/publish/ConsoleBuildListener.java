package io.jenkins.plugins.gputrain.publish;

import hudson.model.BuildListener;
import hudson.model.TaskListener;
import java.io.PrintStream;

/** A Pipeline step's listener where the artifact manager wants a build's: both write to the build console. */
final class ConsoleBuildListener implements BuildListener {
    private static final long serialVersionUID = 1L;

    private final TaskListener console;

    ConsoleBuildListener(TaskListener console) {
        this.console = console;
    }

    @Override
    public PrintStream getLogger() {
        return console.getLogger();
    }
}
