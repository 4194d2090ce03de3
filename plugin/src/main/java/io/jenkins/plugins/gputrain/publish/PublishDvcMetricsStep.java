package io.jenkins.plugins.gputrain.publish;

import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.report.ReportDirectory;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code publishDvcMetrics(baseline: 'main', reportDir: 'gpu-train', failOnMissing: false)}: compares the workspace's
 * DVC metrics, params and plots with the baseline, archives the report bundle and shows it on the build page.
 */
public class PublishDvcMetricsStep extends Step {
    private String baseline = TrainingDefaults.DEFAULT_BASELINE;
    private String reportDir = ReportDirectory.DEFAULT;
    private boolean failOnMissing;

    /** All arguments are optional. */
    @DataBoundConstructor
    public PublishDvcMetricsStep() {}

    /** The revision compared with. */
    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = baseline;
    }

    /** Where the bundle is written in the workspace. */
    public String getReportDir() {
        return reportDir;
    }

    @DataBoundSetter
    public void setReportDir(String reportDir) {
        this.reportDir = reportDir;
    }

    /** Whether a missing or unreadable metrics file fails the build. */
    public boolean isFailOnMissing() {
        return failOnMissing;
    }

    @DataBoundSetter
    public void setFailOnMissing(boolean failOnMissing) {
        this.failOnMissing = failOnMissing;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, new DvcMetricsPublication(baseline, reportDir, failOnMissing));
    }

    /** Runs the publication off the CPS thread. */
    private static final class Execution extends SynchronousNonBlockingStepExecution<Void> {
        private static final long serialVersionUID = 1L;

        private final transient DvcMetricsPublication publication;

        Execution(StepContext context, DvcMetricsPublication publication) {
            super(context);
            this.publication = publication;
        }

        @Override
        protected Void run() throws Exception {
            StepContext context = getContext();
            publication.publish(
                    context.get(Run.class),
                    context.get(FilePath.class),
                    context.get(Launcher.class),
                    context.get(TaskListener.class));
            return null;
        }
    }

    /** Names the step {@code publishDvcMetrics}. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "publishDvcMetrics";
        }

        @Override
        public String getDisplayName() {
            return Messages.PublishDvcMetricsStep_DisplayName();
        }
    }
}
