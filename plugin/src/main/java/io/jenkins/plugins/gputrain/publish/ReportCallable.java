package io.jenkins.plugins.gputrain.publish;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import io.jenkins.plugins.gputrain.core.report.WorkspaceReport;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/** Writes the report bundle where the workspace is (the agent), with the core engine: no DVC or Python needed. */
final class ReportCallable extends MasterToSlaveFileCallable<PublishedReport> {
    private static final long serialVersionUID = 1L;

    private final String baseline;
    private final String reportDir;

    ReportCallable(String baseline, String reportDir) {
        this.baseline = baseline;
        this.reportDir = reportDir;
    }

    @Override
    public PublishedReport invoke(File workspace, VirtualChannel channel) throws IOException {
        return WorkspaceReport.write(workspace.toPath(), baseline, reportDir);
    }
}
