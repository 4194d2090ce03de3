package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.engine.DeletionOutcome;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;

/**
 * The last line of a run stopped by SIGTERM or SIGINT ({@link InterruptOnExit}), saying what the deletion of its pods
 * did, as the run's listener was told it: a listener that passes every line on and keeps the pods' deletion outcome
 * (one that failed stays, so that a pod left behind is never hidden by a later one deleted).
 */
final class SignalStop implements ProgressListener {
    /** How the line starts. */
    static final String STOPPED =
            "ERROR: gpu-train run was stopped by a signal (SIGTERM: exit code 143; SIGINT or" + " Ctrl-C: 130); ";

    /** The line when the clean-up did not end within {@link InterruptOnExit#CLEANUP_SECONDS}. */
    static final String CLEANUP_TIMED_OUT = STOPPED + "the deletion of its pod did not end within "
            + InterruptOnExit.CLEANUP_SECONDS + " s, so the pod may be left: `gpu-train gc` deletes what gpu-train"
            + " left";

    private final ProgressListener target;
    private volatile DeletionOutcome pods;

    SignalStop(ProgressListener target) {
        this.target = target;
    }

    /** The line for the run's end by the signal, once its clean-up is done. */
    String line() {
        DeletionOutcome outcome = pods;
        if (outcome == null) {
            return STOPPED + "no pod of it existed yet";
        }
        return STOPPED
                + switch (outcome) {
                    case DELETED -> "its pod was deleted first, as told above";
                    case NOTHING -> "its pod was found gone already, as told above";
                    case FAILED -> "its pod could not be deleted: delete it with the kubectl command above";
                };
    }

    @Override
    public void afterDeletion(String kind, String name, DeletionOutcome outcome) {
        if ("pod".equals(kind) && pods != DeletionOutcome.FAILED) {
            pods = outcome;
        }
        target.afterDeletion(kind, name, outcome);
    }

    @Override
    public void progress(String line) {
        target.progress(line);
    }

    @Override
    public void output(String line) {
        target.output(line);
    }

    @Override
    public void error(String line) {
        target.error(line);
    }
}
