package io.jenkins.plugins.gputrain.core.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Passes everything on to another listener and keeps the last lines of the command's own output (standard output
 * and error, in the order they came), so that a failure can show them: the
 * container's log would be that of its {@code sleep}, since commands reach it through exec.
 */
public final class OutputTail implements ProgressListener {
    private final ProgressListener target;
    private final int lines;
    private final Deque<String> tail = new ArrayDeque<>();

    /**
     * Creates the tail.
     *
     * @param target where every line goes
     * @param lines how many output lines to keep
     */
    public OutputTail(ProgressListener target, int lines) {
        this.target = target;
        this.lines = lines;
    }

    @Override
    public void progress(String line) {
        target.progress(line);
    }

    @Override
    public void output(String line) {
        keep(line);
        target.output(line);
    }

    @Override
    public void error(String line) {
        keep(line);
        target.error(line);
    }

    /** The last lines kept, oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(tail);
    }

    private synchronized void keep(String line) {
        if (tail.size() == lines) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }
}
