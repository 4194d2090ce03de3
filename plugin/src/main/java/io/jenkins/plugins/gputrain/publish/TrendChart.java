package io.jenkins.plugins.gputrain.publish;

import io.jenkins.plugins.gputrain.core.report.MetricTrend;
import io.jenkins.plugins.gputrain.core.report.MetricValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** One metric's trend as the job page shows it: a title and a PNG inlined as a data URI (no external scripts). */
public final class TrendChart {
    private final String title;
    private final String image;

    private TrendChart(String title, String image) {
        this.title = title;
        this.image = image;
    }

    /**
     * The charts of every metric.
     *
     * @param builds each build's number and numeric metrics, oldest first
     * @return one chart per metric
     * @throws IOException when a chart cannot be drawn
     */
    public static List<TrendChart> of(Map<Integer, List<MetricValue>> builds) throws IOException {
        List<TrendChart> charts = new ArrayList<>();
        for (MetricTrend trend : MetricTrend.of(builds)) {
            charts.add(new TrendChart(
                    trend.name(), "data:image/png;base64," + Base64.getEncoder().encodeToString(trend.png())));
        }
        return charts;
    }

    /** The metric, e.g. {@code metrics.json: avg_prec}. */
    public String getTitle() {
        return title;
    }

    /** The chart as a {@code data:image/png;base64,…} URI. */
    public String getImage() {
        return image;
    }
}
