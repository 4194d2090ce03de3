package io.jenkins.plugins.gputrain.publish;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.gate.GateTable;
import io.jenkins.plugins.gputrain.core.report.MetricValue;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import io.jenkins.plugins.gputrain.core.report.ReportDirectory;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;

/**
 * The DVC report of one publication in a build: the metrics and params diff tables on the build page
 * ({@code summary.jelly}) and on its own page ({@code index.jelly}), with links to the archived bundle. A build keeps
 * one per report directory, so that parallel publications (each with its own {@code reportDir}) keep their own
 * reports. Saved with the build (XStream), so it holds plain classes and {@link ArrayList}s of strings and numbers
 * only: no secret, no Kubernetes object.
 */
public class DvcReportAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    /** The URL below the build of the report in the default directory; others add their directory to it. */
    public static final String URL_NAME = "dvc-report";

    private final String reportDir;
    private final String checkName;
    private final String baseline;
    private final String noBaseline;
    private final ArrayList<String> metricsHeaders;
    private final ArrayList<ArrayList<String>> metricsRows;
    private final ArrayList<String> paramsHeaders;
    private final ArrayList<ArrayList<String>> paramsRows;
    private final ArrayList<String> warnings;
    private final ArrayList<String> details;
    private final ArrayList<String> files;
    private final ArrayList<String> metricFiles;
    private final ArrayList<String> metricNames;
    private final ArrayList<Double> metricValues;
    private final String gateStatus;
    private final String gateSummary;
    private final ArrayList<String> gateHeaders;
    private final ArrayList<ArrayList<String>> gateRows;

    private transient Run<?, ?> run;

    /**
     * Keeps what a published report shows.
     *
     * @param reportDir the normalised report directory it was written to
     * @param report the report
     * @param checkName the name of the pull request check it was handed to the Checks API as, {@code null} for none
     */
    public DvcReportAction(String reportDir, PublishedReport report, String checkName) {
        this.reportDir = reportDir;
        this.checkName = checkName;
        baseline = report.baseline();
        noBaseline = report.noBaseline();
        metricsHeaders = new ArrayList<>(report.metrics().headers());
        metricsRows = rows(report.metrics().rows());
        paramsHeaders = new ArrayList<>(report.params().headers());
        paramsRows = rows(report.params().rows());
        warnings = new ArrayList<>(report.warnings());
        details = new ArrayList<>(report.details());
        files = new ArrayList<>(report.files());
        metricFiles = new ArrayList<>();
        metricNames = new ArrayList<>();
        metricValues = new ArrayList<>();
        Table gates = GateTable.of(report.gates(), TableFormat.PLAIN);
        gateStatus =
                report.gates().isEmpty() ? null : report.gates().overallStatus().label();
        gateSummary = report.gates().isEmpty() ? null : report.gates().summary();
        gateHeaders = new ArrayList<>(gates.headers());
        gateRows = rows(gates.rows());
        for (MetricValue value : report.currentValues()) {
            metricFiles.add(value.file());
            metricNames.add(value.metric());
            metricValues.add(value.value());
        }
    }

    @Override
    public String getIconFileName() {
        return "graph.png";
    }

    @Override
    public String getDisplayName() {
        return Messages.DvcReportAction_DisplayName();
    }

    /** {@code dvc-report} for the default directory, else {@code dvc-report-} and the directory, {@code /} as {@code ~}. */
    @Override
    public String getUrlName() {
        String directory = getReportDir();
        return directory.equals(ReportDirectory.DEFAULT)
                ? URL_NAME
                : URL_NAME + "-" + directory.replaceAll("[^A-Za-z0-9._-]", "~");
    }

    /** The report directory (the default one in builds from before it was kept). */
    public String getReportDir() {
        return reportDir == null ? ReportDirectory.DEFAULT : reportDir;
    }

    /** The name of the pull request check this report was handed over as, {@code null} when it was not. */
    public String getCheckName() {
        return checkName;
    }

    /**
     * The report a build published into a report directory, out of all its reports.
     *
     * @param reports the build's report actions ({@code getActions(DvcReportAction.class)})
     * @param reportDir the report directory as given to the step
     * @return its report, or {@code null} when none was published there (or the directory is not valid)
     */
    public static DvcReportAction inDirectory(List<DvcReportAction> reports, String reportDir) {
        String directory;
        try {
            directory = ReportDirectory.normalise(reportDir == null ? ReportDirectory.DEFAULT : reportDir);
        } catch (InvalidSpecException e) {
            return null;
        }
        for (DvcReportAction report : reports) {
            if (report.getReportDir().equals(directory)) {
                return report;
            }
        }
        return null;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        run = r;
    }

    /** The job page's trend of every metric, from this (the last) build's job. */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return run == null ? List.of() : List.of(new DvcTrendAction(run.getParent()));
    }

    /** The build, for the page's side panel. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** The baseline revision compared with. */
    public String getBaseline() {
        return baseline;
    }

    /** Why there is no baseline, or {@code null}. */
    public String getNoBaseline() {
        return noBaseline;
    }

    /** The metrics diff table's headers. */
    public List<String> getMetricsHeaders() {
        return List.copyOf(metricsHeaders);
    }

    /** The metrics diff table's rows. */
    public List<List<String>> getMetricsRows() {
        return List.copyOf(metricsRows);
    }

    /** The params diff table's headers. */
    public List<String> getParamsHeaders() {
        return List.copyOf(paramsHeaders);
    }

    /** The params diff table's rows. */
    public List<List<String>> getParamsRows() {
        return List.copyOf(paramsRows);
    }

    /** DVC-style warnings. */
    public List<String> getWarnings() {
        return List.copyOf(warnings);
    }

    /** One line per unreadable file. */
    public List<String> getDetails() {
        return List.copyOf(details);
    }

    /** The archived files, relative to the workspace (and to the build's artifacts). */
    public List<String> getFiles() {
        return List.copyOf(files);
    }

    /** The quality gates' overall status ({@code passed}, {@code unstable}, {@code failed}), or {@code null} without gates. */
    public String getGateStatus() {
        return gateStatus;
    }

    /**
     * The quality gates' summary line, e.g. {@code Quality gates: failed (1 failed, 0 unstable, 2 passed)}, or
     * {@code null} without gates (and in builds from before it was kept).
     */
    public String getGateSummary() {
        return gateSummary;
    }

    /** The quality gate table's headers. */
    public List<String> getGateHeaders() {
        return gateHeaders == null ? List.of() : List.copyOf(gateHeaders);
    }

    /** The quality gate table's rows, one per gate (none in builds from before gates). */
    public List<List<String>> getGateRows() {
        return gateRows == null ? List.of() : List.copyOf(gateRows);
    }

    /** The current numeric metrics, for trends. */
    public List<MetricValue> getCurrentValues() {
        List<MetricValue> values = new ArrayList<>();
        for (int i = 0; i < metricNames.size(); i++) {
            values.add(new MetricValue(metricFiles.get(i), metricNames.get(i), metricValues.get(i)));
        }
        return values;
    }

    private static ArrayList<ArrayList<String>> rows(List<List<String>> rows) {
        ArrayList<ArrayList<String>> copy = new ArrayList<>();
        rows.forEach(row -> copy.add(new ArrayList<>(row)));
        return copy;
    }
}
