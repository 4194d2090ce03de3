package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.gate.GateStatus;

/**
 * Where a pull request check stands: still in progress, or completed with a conclusion (the Checks API's status
 * {@code IN_PROGRESS}, or {@code COMPLETED} with conclusion {@code SUCCESS}, {@code FAILURE} or {@code CANCELED}).
 */
public enum CheckState {
    /** Publishing has started; the report is not there yet. */
    IN_PROGRESS,
    /** Published; no gate failed and the step does not fail the build. */
    SUCCESS,
    /** Published with a failed gate (unstable or failure) or a build the step fails; or publishing failed. */
    FAILURE,
    /** Publishing was interrupted (the build was aborted). */
    CANCELED;

    /**
     * The conclusion of a published report.
     *
     * @param gates the gates' overall status
     * @param failsBuild whether the step fails the build anyway (a missing metrics file with {@code failOnMissing})
     * @return {@link #SUCCESS} or {@link #FAILURE}
     */
    public static CheckState of(GateStatus gates, boolean failsBuild) {
        return !failsBuild && gates == GateStatus.PASSED ? SUCCESS : FAILURE;
    }

    /** Whether the check is completed, so that it has a conclusion. */
    public boolean completed() {
        return this != IN_PROGRESS;
    }
}
