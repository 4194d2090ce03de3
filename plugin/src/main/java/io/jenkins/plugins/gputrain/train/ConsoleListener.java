package io.jenkins.plugins.gputrain.train;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.io.PrintStream;

/** Writes a training's progress ({@code [gpu-train]} lines) and its command's output to the build console. */
final class ConsoleListener implements ProgressListener {
    private final PrintStream console;

    ConsoleListener(PrintStream console) {
        this.console = console;
    }

    @Override
    public void progress(String line) {
        console.println(PREFIX + line);
    }

    @Override
    public void output(String line) {
        console.println(line);
    }

    @Override
    public void error(String line) {
        console.println(line);
    }
}
