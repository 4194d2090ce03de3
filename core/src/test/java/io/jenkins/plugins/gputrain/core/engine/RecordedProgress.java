package io.jenkins.plugins.gputrain.core.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener that keeps what it is told, for tests: gpu-train's progress lines in {@link #progress}, the command's
 * output in {@link #output} (standard error lines prefixed {@code stderr: }), the deletions in {@link #deletions}. Safe to read while a run writes.
 */
public class RecordedProgress implements ProgressListener {
    /** The progress lines, in order. */
    public final List<String> progress = new CopyOnWriteArrayList<>();

    /** The command's output lines, in order. */
    public final List<String> output = new CopyOnWriteArrayList<>();

    /** The deletions told, as {@code KIND NAME OUTCOME}, in order. */
    public final List<String> deletions = new CopyOnWriteArrayList<>();

    @Override
    public void afterDeletion(String kind, String name, DeletionOutcome outcome) {
        deletions.add(kind + " " + name + " " + outcome);
    }

    @Override
    public void progress(String line) {
        progress.add(line);
    }

    @Override
    public void output(String line) {
        output.add(line);
    }

    @Override
    public void error(String line) {
        output.add("stderr: " + line);
    }
}
