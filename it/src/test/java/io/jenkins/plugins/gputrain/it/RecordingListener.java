package io.jenkins.plugins.gputrain.it;

import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the engine's progress lines, for tests that call core directly; the command's output is dropped. */
final class RecordingListener implements ProgressListener {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** The progress lines so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void progress(String line) {
        lines.add(line);
    }

    @Override
    public void output(String line) {}

    @Override
    public void error(String line) {}
}
