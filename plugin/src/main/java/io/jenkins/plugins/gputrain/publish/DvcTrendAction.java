package io.jenkins.plugins.gputrain.publish;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.gputrain.GpuTrainConfiguration;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.report.MetricValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job page's DVC metric trends: one chart per metric over the last builds that published a report (as many as
 * the global configuration's trend length).
 */
public class DvcTrendAction implements Action {
    private final Job<?, ?> job;

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

    /** The charts, drawn when the page is shown. */
    public List<TrendChart> getCharts() throws IOException {
        int length = GpuTrainConfiguration.get().getTrendLength();
        Map<Integer, List<MetricValue>> builds = new TreeMap<>();
        Run<?, ?> build = job.getLastBuild();
        while (build != null && builds.size() < length) {
            DvcReportAction report = build.getAction(DvcReportAction.class);
            if (report != null) {
                builds.put(build.getNumber(), report.getCurrentValues());
            }
            build = build.getPreviousBuild();
        }
        return TrendChart.of(builds);
    }
}
