package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.plots.PlotRenderer;
import io.jenkins.plugins.gputrain.core.dvc.plots.Series;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric over builds, as the job page charts it.
 *
 * @param name the metric, e.g. {@code metrics.json: avg_prec}
 * @param builds build numbers, oldest first
 * @param values the metric in each of those builds
 */
public record MetricTrend(String name, List<Integer> builds, List<Double> values) {
    /** Copies the lists. */
    public MetricTrend {
        builds = List.copyOf(builds);
        values = List.copyOf(values);
    }

    /**
     * The trends of every metric seen in some build.
     *
     * @param builds each build's number and numeric metrics, oldest first
     * @return one trend per metric, in the order the metrics first appear; a build without a metric is left out of
     *     that metric's trend
     */
    public static List<MetricTrend> of(Map<Integer, List<MetricValue>> builds) {
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        builds.forEach((build, metrics) -> metrics.forEach(metric -> {
            numbers.computeIfAbsent(metric.name(), n -> new ArrayList<>()).add(build);
            values.computeIfAbsent(metric.name(), n -> new ArrayList<>()).add(metric.value());
        }));
        return numbers.keySet().stream()
                .map(name -> new MetricTrend(name, numbers.get(name), values.get(name)))
                .toList();
    }

    /**
     * Draws the trend as PNG.
     *
     * @return the image
     * @throws IOException when encoding fails
     */
    public byte[] png() throws IOException {
        List<Value> x = builds.stream().map(b -> (Value) Value.Int.of(b)).toList();
        List<Value> y = values.stream().map(v -> (Value) new Value.Float(v)).toList();
        return new PlotRenderer()
                .draw("linear", name, "build", name, List.of(new Series(name, "builds", x, y)))
                .png();
    }
}
