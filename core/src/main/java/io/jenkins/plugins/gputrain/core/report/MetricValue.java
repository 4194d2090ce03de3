package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.Flattener;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One numeric metric of one revision, e.g. {@code metrics.json} / {@code avg_prec} = 0.93, as trend charts plot it.
 *
 * @param file the metrics file, relative to the repository
 * @param metric the flattened metric name, e.g. {@code train.loss}
 * @param value the value; Python {@code int}s and {@code float}s only (booleans and strings have no trend)
 */
public record MetricValue(String file, String metric, double value) implements Serializable {
    /** The name a chart shows, e.g. {@code metrics.json: avg_prec}. */
    public String name() {
        return file + ": " + metric;
    }

    /**
     * The numeric metrics of a revision, in file and then metric order.
     *
     * @param revision the revision's metrics
     * @return its numbers, files in path order and each file's metrics in its own order; files that could not be read
     *     have none
     */
    public static List<MetricValue> of(RevisionData revision) {
        List<MetricValue> values = new ArrayList<>();
        revision.files().forEach((file, result) -> {
            if (result instanceof FileResult.Data data && data.value() instanceof Value.Dict dict) {
                Flattener.flatten(dict).forEach((metric, value) -> {
                    if (value instanceof Value.Int number) {
                        values.add(new MetricValue(file, metric, number.value().doubleValue()));
                    } else if (value instanceof Value.Float number && Double.isFinite(number.value())) {
                        values.add(new MetricValue(file, metric, number.value()));
                    }
                });
            }
        });
        return values;
    }
}
