package io.jenkins.plugins.gputrain.publish;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gputrain.AgentFailure;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.report.DvcOutput;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import io.jenkins.plugins.gputrain.core.report.WorkspaceReport;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Writes the report bundle where the workspace is (the agent): with gpu-train's engine (no DVC or Python needed), or
 * from DVC's own output; quality gates are evaluated there too.
 */
final class ReportCallable extends MasterToSlaveFileCallable<PublishedReport> {
    private static final long serialVersionUID = 1L;

    private final String baseline;
    private final String reportDir;
    private final DvcOutput dvc;
    private final ArrayList<QualityGate> gates;

    /** A report with gpu-train's diffs, or DVC's when {@code dvc} is given. */
    ReportCallable(String baseline, String reportDir, DvcOutput dvc) {
        this(baseline, reportDir, dvc, List.of());
    }

    /** A report whose metrics are also checked by quality gates. */
    ReportCallable(String baseline, String reportDir, DvcOutput dvc, List<QualityGate> gates) {
        this.baseline = baseline;
        this.reportDir = reportDir;
        this.dvc = dvc;
        this.gates = new ArrayList<>(gates);
    }

    @Override
    public PublishedReport invoke(File workspace, VirtualChannel channel) throws IOException {
        return AgentFailure.plainFailures(
                () -> WorkspaceReport.write(workspace.toPath(), baseline, reportDir, dvc, gates));
    }
}
