package io.jenkins.plugins.gputrain.publish;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.gputrain.GpuTrainConfiguration;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.dvc.plots.TextDrawing;
import io.jenkins.plugins.gputrain.core.report.MetricValue;
import io.jenkins.plugins.gputrain.core.report.ReportDirectory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The job page's DVC metric trends: one chart per metric over the reports of the last builds (as many builds as the
 * global configuration's trend length), each build's report in the default directory ({@code gpu-train}).
 */
public class DvcTrendAction implements Action {
    private final Job<?, ?> job;
    private Optional<String> chartProblem;

    /** The trends of a job. */
    public DvcTrendAction(Job<?, ?> job) {
        this.job = job;
    }

    @Override
    public String getIconFileName() {
        return "graph.png";
    }

    @Override
    public String getDisplayName() {
        return Messages.DvcTrendAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "dvc-trends";
    }

    /**
     * The charts of the last builds, as many as the global trend length: builds without a report are left out, not
     * made up for with older ones, so a view of the page loads at most that many builds. None when this controller
     * cannot draw text ({@link #getChartProblem()}).
     */
    public List<TrendChart> getCharts() throws IOException {
        if (getChartProblem() != null) {
            return List.of();
        }
        int length = GpuTrainConfiguration.get().getTrendLength();
        Stream<Run<?, ?>> newestFirst = Stream.iterate(job.getLastBuild(), Objects::nonNull, Run::getPreviousBuild);
        return TrendChart.of(reports(
                newestFirst.map(build -> BuildReport.of(build.getNumber(), build.getActions(DvcReportAction.class))),
                length));
    }

    /** Why no chart can be drawn here, in one line, or {@code null}; probed once per action (the page asks twice). */
    public synchronized String getChartProblem() {
        if (chartProblem == null) {
            chartProblem = TextDrawing.problem().map(problem -> Messages.DvcTrendAction_NoCharts(problem));
        }
        return chartProblem.orElse(null);
    }

    /**
     * The numbers of the reports among the first builds.
     *
     * @param newestFirst the builds, newest first, each with its report or {@code null}
     * @param length how many builds to look at
     * @return each report's build number and values, oldest first
     */
    static Map<Integer, List<MetricValue>> reports(Stream<BuildReport> newestFirst, int length) {
        Map<Integer, List<MetricValue>> builds = new TreeMap<>();
        newestFirst
                .limit(length)
                .filter(build -> build.report() != null)
                .forEach(build -> builds.put(build.number(), build.report().getCurrentValues()));
        return builds;
    }

    /** A build's number and its DVC report in the default directory, if it published one. */
    record BuildReport(int number, DvcReportAction report) {
        /**
         * The build's report in the default directory ({@code gpu-train}), which the job's trend follows; a build with
         * parallel publications has one report per directory, and another directory's metrics are not this trend's.
         */
        static BuildReport of(int number, List<DvcReportAction> reports) {
            return new BuildReport(number, DvcReportAction.inDirectory(reports, ReportDirectory.DEFAULT));
        }
    }
}
