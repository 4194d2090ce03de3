package io.jenkins.plugins.gputrain.publish;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.core.report.BaselineRevision;
import io.jenkins.plugins.gputrain.core.report.DvcOutput;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import io.jenkins.plugins.gputrain.core.report.PullRequestCheck;
import io.jenkins.plugins.gputrain.core.report.ReportDirectory;
import io.jenkins.plugins.gputrain.core.report.ReportEngine;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * Publishes a workspace's DVC report to its build: finds the baseline, runs DVC's diffs if the engine says so, writes
 * the bundle on the agent (evaluating the quality gates there), archives it, attaches the {@link DvcReportAction}, and
 * marks the build unstable or failed when a gate of that criticality failed, then publishes the pull request check
 * (with the checks-api plugin, unless skipped; a failure there leaves the build as it is). A gate that cannot be read
 * (one that bypassed {@link MetricQualityGate}'s checks) fails the build with its one-line message, after the report
 * without gates is archived, attached and checked. Progress goes to the console as {@code [gpu-train]} lines.
 */
final class DvcMetricsPublication {
    private final String baseline;
    private final String reportDir;
    private final String engine;
    private final boolean failOnMissing;
    private final List<MetricQualityGate> qualityGates;
    private final String checksName;
    private final boolean skipPublishingChecks;

    DvcMetricsPublication(
            String baseline,
            String reportDir,
            String engine,
            boolean failOnMissing,
            List<MetricQualityGate> qualityGates,
            String checksName,
            boolean skipPublishingChecks) {
        this.baseline = baseline;
        this.reportDir = reportDir;
        this.engine = engine;
        this.failOnMissing = failOnMissing;
        this.qualityGates = List.copyOf(qualityGates);
        this.checksName = checksName;
        this.skipPublishingChecks = skipPublishingChecks;
    }

    /** The archived files: each report file under its workspace path. */
    static Map<String, String> artifacts(PublishedReport report) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        report.files().forEach(file -> artifacts.put(file, file));
        return artifacts;
    }

    void publish(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        PrintStream console = listener.getLogger();
        BaselineRevision revision;
        String directory;
        ReportEngine diffs;
        try {
            revision = new BaselineRevision(baseline);
            directory = ReportDirectory.normalise(reportDir);
            diffs = ReportEngine.parse(engine);
        } catch (InvalidSpecException e) {
            throw new AbortException("[gpu-train] publishDvcMetrics: " + e.getMessage());
        }
        ConfiguredGates gates = ConfiguredGates.of(qualityGates);
        WorkspaceCommands commands = new LauncherCommands(launcher, workspace);
        String compared = new BaselineFetch(commands, console, workspace.getRemote()).resolve(revision);
        console.println("[gpu-train] publishing DVC metrics, params and plots against " + compared);
        DvcOutput dvc = new DvcCommands(commands, console).run(diffs, compared).orElse(null);
        PublishedReport report = workspace.act(new ReportCallable(compared, directory, dvc, gates.gates()));
        report.optionalNoBaseline()
                .ifPresent(reason -> console.println(
                        "[gpu-train] no baseline (" + reason + "): publishing the current values only"));
        report.warnings().forEach(warning -> console.println(PREFIX + warning));
        report.details().forEach(detail -> console.println("[gpu-train]   " + detail));
        Map<String, String> artifacts = artifacts(report);
        run.pickArtifactManager().archive(workspace, launcher, new ConsoleBuildListener(listener), artifacts);
        run.addOrReplaceAction(new DvcReportAction(report));
        console.println("[gpu-train] archived " + artifacts.size() + " report files (" + directory
                + "/report.md, report.html, *.json, plots/)");
        console.print("[gpu-train] report: ");
        listener.hyperlink("/" + run.getUrl() + DvcReportAction.URL_NAME + "/", "DVC report");
        console.println();
        GateVerdict.consoleLines(report.gates()).forEach(console::println);
        GateVerdict.buildResult(report.gates().overallStatus()).ifPresent(run::setResult);
        boolean missingFails = failOnMissing && report.hasUnreadableMetrics();
        boolean failsBuild = missingFails || gates.optionalProblem().isPresent();
        PullRequestCheck check = PullRequestCheck.of(
                checksName,
                report,
                PullRequestChecks.buildUrl(Jenkins.get().getRootUrl(), run.getUrl()),
                DvcReportAction.URL_NAME + "/",
                failsBuild);
        new PullRequestChecks().publish(run, listener, check, skipPublishingChecks);
        if (gates.optionalProblem().isPresent()) {
            throw new AbortException(gates.optionalProblem().get());
        }
        if (missingFails) {
            throw new AbortException("[gpu-train] a metrics file is missing or unreadable (failOnMissing: true): "
                    + report.unreadableMetrics().get(0));
        }
    }
}
