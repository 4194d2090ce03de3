package io.jenkins.plugins.gputrain.publish;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gputrain.AgentFailure;
import io.jenkins.plugins.gputrain.core.report.DvcOutput;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import io.jenkins.plugins.gputrain.core.report.WorkspaceReport;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Writes the report bundle where the workspace is (the agent): with gpu-train's engine (no DVC or Python needed), or
 * from DVC's own output.
 */
final class ReportCallable extends MasterToSlaveFileCallable<PublishedReport> {
    private static final long serialVersionUID = 1L;

    private final String baseline;
    private final String reportDir;
    private final DvcOutput dvc;

    /** A report with gpu-train's diffs, or DVC's when {@code dvc} is given. */
    ReportCallable(String baseline, String reportDir, DvcOutput dvc) {
        this.baseline = baseline;
        this.reportDir = reportDir;
        this.dvc = dvc;
    }

    @Override
    public PublishedReport invoke(File workspace, VirtualChannel channel) throws IOException {
        return AgentFailure.plainFailures(() -> WorkspaceReport.write(workspace.toPath(), baseline, reportDir, dvc));
    }
}
