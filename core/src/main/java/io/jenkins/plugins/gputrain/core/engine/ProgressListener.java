package io.jenkins.plugins.gputrain.core.engine;

/**
 * Where a run reports what happens: gpu-train's own progress lines and the training command's output, line by line,
 * as they come (the CLI prints them; the Jenkins build step writes them to the build console).
 */
public interface ProgressListener {
    /** A progress line of gpu-train's own, e.g. {@code pod gpu-train-1 is Pending: 0/3 nodes are available…}. */
    void progress(String line);

    /** A line the training command wrote to standard output. */
    void output(String line);

    /** A line the training command wrote to standard error. */
    void error(String line);

    /**
     * Told after the line of each deletion of an object the run created, e.g. its pod; nothing by default.
     *
     * @param kind the object's kind as {@code kubectl} names it, e.g. {@code pod}
     * @param name the object's name
     * @param outcome what the deletion did
     */
    default void afterDeletion(String kind, String name, DeletionOutcome outcome) {}

    /** A listener that drops every line, for runs nobody watches. */
    static ProgressListener quiet() {
        return Quiet.INSTANCE;
    }

    /** The listener {@link #quiet()} returns. */
    enum Quiet implements ProgressListener {
        INSTANCE;

        @Override
        public void progress(String line) {}

        @Override
        public void output(String line) {}

        @Override
        public void error(String line) {}
    }
}
