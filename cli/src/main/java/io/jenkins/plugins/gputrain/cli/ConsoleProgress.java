package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.io.PrintWriter;

/** Prints a run to the terminal: the command's output as is, gpu-train's own lines prefixed {@code [gpu-train]}. */
final class ConsoleProgress implements ProgressListener {
    private final PrintWriter out;
    private final PrintWriter err;

    ConsoleProgress(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void progress(String line) {
        err.println("[gpu-train] " + line);
        err.flush();
    }

    @Override
    public synchronized void output(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public synchronized void error(String line) {
        err.println(line);
        err.flush();
    }
}
