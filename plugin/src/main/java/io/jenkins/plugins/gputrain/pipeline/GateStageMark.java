package io.jenkins.plugins.gputrain.pipeline;

import io.jenkins.plugins.gputrain.core.gate.GateStatus;
import io.jenkins.plugins.gputrain.publish.DvcReportAction;
import java.io.Serializable;
import java.util.List;

/**
 * What {@code GpuTrain.groovy} does to its stage after {@code publishDvcMetrics} when a quality gate failed: the
 * {@code unstable} step (the stage turns yellow) or the {@code error} step (the stage and the step fail), with the
 * gates' summary line. {@code publishDvcMetrics} is a build step without a flow node, so it can set the build result
 * but not mark the stage; the Pipeline steps can. Serializable: the Groovy keeps it across a step.
 */
public final class GateStageMark implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean fails;
    private final String message;

    private GateStageMark(boolean fails, String message) {
        this.fails = fails;
        this.message = message;
    }

    /**
     * The mark the report of one {@code gpuTrain} call calls for: the one published into its report directory, not the
     * build's first or last (parallel calls each mark their own stage, as each runs {@code unstable}/{@code error} in
     * its own branch).
     *
     * @param reports the build's report actions
     * @param reportDir the call's report directory
     * @return the mark, or {@code null} when nothing was published there, there are no gates or all passed
     */
    public static GateStageMark of(List<DvcReportAction> reports, String reportDir) {
        return of(DvcReportAction.inDirectory(reports, reportDir));
    }

    /**
     * The mark a report calls for.
     *
     * @param report the report action, or {@code null} when nothing was published
     * @return the mark, or {@code null} when there are no gates or all passed
     */
    public static GateStageMark of(DvcReportAction report) {
        String status = report == null ? null : report.getGateStatus();
        if (status == null || status.equals(GateStatus.PASSED.label())) {
            return null;
        }
        return new GateStageMark(status.equals(GateStatus.FAILED.label()), "[gpu-train] " + report.getGateSummary());
    }

    /** Whether the stage fails ({@code error}) rather than turns unstable ({@code unstable}). */
    public boolean fails() {
        return fails;
    }

    /** The message of the step: {@code [gpu-train] Quality gates: failed (1 failed, 0 unstable, 2 passed)}. */
    public String message() {
        return message;
    }
}
