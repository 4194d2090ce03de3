package io.jenkins.plugins.gputrain.publish;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import io.jenkins.plugins.gputrain.GpuTrainConfiguration;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.report.PullRequestCheck;
import io.jenkins.plugins.gputrain.core.report.ReportDirectory;
import io.jenkins.plugins.gputrain.core.report.ReportEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * {@code publishDvcMetrics(baseline: 'main', reportDir: 'gpu-train', engine: 'auto', failOnMissing: false,
 * qualityGates: [[metric: 'evaluation/metrics.json:acc', threshold: -0.01]], checksName: 'DVC metrics',
 * skipPublishingChecks: false)} in a Pipeline, and the
 * "Publish DVC metrics, params and plots" post-build action of a freestyle job: compares the workspace's DVC metrics,
 * params and plots with the baseline, checks the quality gates, archives the report bundle, shows it on the build
 * page and, with the checks-api plugin, on the pull request as a check.
 */
public class DvcMetricsRecorder extends Recorder implements SimpleBuildStep {
    private String baseline = TrainingDefaults.DEFAULT_BASELINE;
    private String reportDir = ReportDirectory.DEFAULT;
    private String engine = ReportEngine.AUTO.value();
    private boolean failOnMissing;
    private List<MetricQualityGate> qualityGates;
    private String checksName;
    private Boolean skipPublishingChecks;

    /** All arguments are optional. */
    @DataBoundConstructor
    public DvcMetricsRecorder() {}

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

    /** What computes the diffs: {@code auto}, {@code builtin} or {@code dvc}. */
    public String getEngine() {
        return engine;
    }

    @DataBoundSetter
    public void setEngine(String engine) {
        this.engine = engine;
    }

    /** Whether a missing or unreadable metrics file fails the build. */
    public boolean isFailOnMissing() {
        return failOnMissing;
    }

    @DataBoundSetter
    public void setFailOnMissing(boolean failOnMissing) {
        this.failOnMissing = failOnMissing;
    }

    /**
     * The step's own quality gates, which replace the global defaults ({@link GpuTrainConfiguration#getQualityGates()});
     * an empty list means no gates at all; {@code null}, when none were given, means the global defaults.
     */
    public List<MetricQualityGate> getQualityGates() {
        return qualityGates == null ? null : List.copyOf(qualityGates);
    }

    @DataBoundSetter
    public void setQualityGates(List<MetricQualityGate> qualityGates) {
        this.qualityGates = qualityGates == null ? null : new ArrayList<>(qualityGates);
    }

    /**
     * The name of the check on the pull request as given; {@code null}, when none was given, means {@code DVC metrics},
     * or {@code DVC metrics (<reportDir>)} for another report directory ({@link PullRequestCheck#nameFor}).
     */
    public String getChecksName() {
        return checksName;
    }

    /**
     * Sets the check's name.
     *
     * @param checksName the name, stripped; {@code null} or blank for none, so that the default name applies
     */
    @DataBoundSetter
    public void setChecksName(String checksName) {
        this.checksName = checksName == null || checksName.isBlank() ? null : checksName.strip();
    }

    /** The check's name this step publishes. */
    String checkName() {
        return PullRequestCheck.nameFor(checksName, reportDir);
    }

    /**
     * Whether no pull request check is published (warnings-ng's and coverage's option of that name); {@code null}, when
     * not given, means the global default ({@link GpuTrainConfiguration#isSkipPublishingChecks()}).
     */
    public Boolean getSkipPublishingChecks() {
        return skipPublishingChecks;
    }

    @DataBoundSetter
    public void setSkipPublishingChecks(Boolean skipPublishingChecks) {
        this.skipPublishingChecks = skipPublishingChecks;
    }

    /** The report only reads this build's workspace; no need to wait for earlier builds. */
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        new DvcMetricsPublication(
                        baseline,
                        reportDir,
                        engine,
                        failOnMissing,
                        qualityGates == null ? GpuTrainConfiguration.get().getQualityGates() : qualityGates,
                        checkName(),
                        skipPublishingChecks == null
                                ? GpuTrainConfiguration.get().isSkipPublishingChecks()
                                : skipPublishingChecks)
                .publish(run, workspace, launcher, listener);
    }

    /** Names the step {@code publishDvcMetrics} and offers it to every job type. */
    @Extension
    @Symbol("publishDvcMetrics")
    public static class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        /** The form's checkbox "only the gates listed here", not a property of the action. */
        static final String OWN_GATES_ONLY = "ownQualityGatesOnly";

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.DvcMetricsRecorder_DisplayName();
        }

        /**
         * Binds the freestyle form, where an empty list of gates sends nothing (Jenkins' {@code buildFormTree} adds a
         * repeatable's key only for its items): the form's {@value #OWN_GATES_ONLY} checkbox, which always sends its
         * state ({@code case "checkbox"}, {@code war/src/main/webapp/scripts/hudson-behavior.js}, jenkins-2.555), tells
         * "no gates at all" from "the global gates".
         */
        @Override
        public DvcMetricsRecorder newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return withGateChoice((DvcMetricsRecorder) super.newInstance(req, formData), formData);
        }

        /**
         * The bound action, with no gates at all when {@value #OWN_GATES_ONLY} is checked and none are listed; the
         * gates listed always replace the global ones.
         */
        static DvcMetricsRecorder withGateChoice(DvcMetricsRecorder bound, JSONObject formData) {
            if (bound.qualityGates == null && formData.optBoolean(OWN_GATES_ONLY)) {
                bound.setQualityGates(List.of());
            }
            return bound;
        }

        /** What a new freestyle action's checkbox starts from: the global default. */
        public boolean isSkipPublishingChecksDefault() {
            return GpuTrainConfiguration.get().isSkipPublishingChecks();
        }
    }
}
