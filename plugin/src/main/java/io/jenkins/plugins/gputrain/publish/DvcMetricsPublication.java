package io.jenkins.plugins.gputrain.publish;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.gate.BuildOutcome;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
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
import java.util.Optional;

/**
 * Publishes a workspace's DVC report to its build: finds the baseline, runs DVC's diffs if the engine says so, writes
 * the bundle on the agent (evaluating the quality gates there), archives it, attaches the {@link DvcReportAction}, and
 * marks the build unstable or failed when a gate of that criticality failed, then completes the pull request check
 * (with the checks-api plugin, unless skipped; a failure there leaves the build as it is), which is in progress from
 * the start and completed also when publishing fails or is aborted. A build keeps one report per report directory. A
 * gate that cannot be read (one that bypassed {@link MetricQualityGate}'s checks) fails the build with its one-line
 * message, after the report without gates is archived, attached and checked. Progress goes to the console as
 * {@code [gpu-train]} lines.
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
        publish(
                new RunBuild(run, workspace, launcher, listener),
                listener,
                (revision, directory, diffs, gates) -> {
                    WorkspaceCommands commands = new LauncherCommands(launcher, workspace);
                    String compared = new BaselineFetch(commands, console, workspace.getRemote()).resolve(revision);
                    console.println("[gpu-train] publishing DVC metrics, params and plots against " + compared);
                    DvcOutput dvc = new DvcCommands(commands, console)
                            .run(diffs, compared)
                            .orElse(null);
                    return workspace.act(new ReportCallable(compared, directory, dvc, gates));
                },
                new PullRequestChecks());
    }

    /**
     * Publishes into a build: the check is in progress from the start and completed at the end, also when publishing
     * fails ({@code FAILURE}) or the build is aborted ({@code CANCELED}), so that a pull request shows no stale check.
     * Whether checks go to the Checks API is decided once, at the start ({@link PullRequestChecks#route}).
     *
     * @param build the build
     * @param listener its console
     * @param workspace writes the report where the workspace is
     * @param checks publishes the check
     */
    void publish(PublishedBuild build, TaskListener listener, WorkspaceReportWriter workspace, PullRequestChecks checks)
            throws IOException, InterruptedException {
        CheckRoute route = checks.route(skipPublishingChecks);
        checks.start(build.run(), listener, checksName, route);
        PullRequestCheck check;
        boolean failsBuild;
        PublishedReport report;
        ConfiguredGates gates = ConfiguredGates.of(qualityGates);
        try {
            report = report(workspace, gates.gates());
            failsBuild = (failOnMissing && report.hasUnreadableMetrics())
                    || gates.optionalProblem().isPresent();
            check = conclude(build, listener, report, failsBuild, route.handsOver() ? checksName : null);
        } catch (InterruptedException e) {
            checks.publish(
                    build.run(),
                    listener,
                    PullRequestCheck.unfinished(checksName, true, "publishing was interrupted"),
                    route);
            throw e;
        } catch (IOException | RuntimeException e) {
            checks.publish(
                    build.run(),
                    listener,
                    PullRequestCheck.unfinished(checksName, false, PullRequestChecks.reason(e)),
                    route);
            throw e;
        }
        checks.publish(build.run(), listener, check, route);
        if (gates.optionalProblem().isPresent()) {
            throw new AbortException(gates.optionalProblem().get());
        }
        if (failsBuild) {
            throw new AbortException("[gpu-train] a metrics file is missing or unreadable (failOnMissing: true): "
                    + report.unreadableMetrics().get(0));
        }
    }

    private PublishedReport report(WorkspaceReportWriter workspace, List<QualityGate> gates)
            throws IOException, InterruptedException {
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
        return workspace.write(revision, directory, diffs, gates);
    }

    /**
     * Archives and attaches the report, prints the gates, sets the build's result; the completed check.
     *
     * @param handedOver the check's name when it goes to the Checks API, {@code null} when it does not
     */
    private PullRequestCheck conclude(
            PublishedBuild build, TaskListener listener, PublishedReport report, boolean failsBuild, String handedOver)
            throws IOException, InterruptedException {
        PrintStream console = listener.getLogger();
        String directory = ReportDirectory.normalise(reportDir);
        report.optionalNoBaseline()
                .ifPresent(reason -> console.println(
                        "[gpu-train] no baseline (" + reason + "): publishing the current values only"));
        report.warnings().forEach(warning -> console.println(PREFIX + warning));
        report.details().forEach(detail -> console.println("[gpu-train]   " + detail));
        Map<String, String> artifacts = artifacts(report);
        build.archive(artifacts);
        DvcReportAction action = new DvcReportAction(directory, report, handedOver);
        List<DvcReportAction> earlier = build.attach(action);
        if (DvcReportAction.inDirectory(earlier, directory) != null) {
            console.println(PREFIX + Messages.DvcMetricsPublication_Replaced(directory));
        }
        sameCheckName(earlier, directory, handedOver)
                .ifPresent(other -> console.println(
                        PREFIX + Messages.DvcMetricsPublication_SameCheckName(handedOver, other, directory)));
        console.println("[gpu-train] archived " + artifacts.size() + " report files (" + directory
                + "/report.md, report.html, *.json, plots/)");
        console.print("[gpu-train] report: ");
        listener.hyperlink("/" + build.url() + action.getUrlName() + "/", "DVC report");
        console.println();
        GateVerdict.consoleLines(report.gates()).forEach(console::println);
        build.worsen(BuildOutcome.of(report.gates().overallStatus()));
        return PullRequestCheck.of(checksName, report, build.absoluteUrl(), action.getUrlName() + "/", failsBuild);
    }

    /**
     * The report directory of another of the build's reports handed over under the same check name: the SCM's check
     * run of that name (GitHub Checks keeps one per name and commit) then shows only the later one.
     */
    static Optional<String> sameCheckName(List<DvcReportAction> earlier, String directory, String handedOver) {
        if (handedOver == null) {
            return Optional.empty();
        }
        return earlier.stream()
                .filter(other -> !other.getReportDir().equals(directory) && handedOver.equals(other.getCheckName()))
                .map(DvcReportAction::getReportDir)
                .findFirst();
    }

    /** Writes the report bundle of validated arguments where the workspace is (the agent). */
    interface WorkspaceReportWriter {
        PublishedReport write(BaselineRevision revision, String directory, ReportEngine diffs, List<QualityGate> gates)
                throws IOException, InterruptedException;
    }
}
