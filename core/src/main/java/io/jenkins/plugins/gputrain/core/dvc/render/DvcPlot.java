package io.jenkins.plugins.gputrain.core.dvc.render;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code dvc plots diff --json}: an image of one revision, or a filled Vega-Lite plot with its data
 * points (each carrying its {@code rev}).
 *
 * @param id the plot id
 * @param image whether it is an image ({@code "type": "image"}) rather than a Vega plot
 * @param revisions the revisions shown
 * @param url the image path DVC wrote, for images; {@code null} for Vega plots
 * @param title the title, for Vega plots (the id when the spec has none)
 * @param x the x field, or {@code null}
 * @param y the y field, or {@code null}
 * @param datapoints the data values, for Vega plots
 */
public record DvcPlot(
        String id,
        boolean image,
        List<String> revisions,
        String url,
        String title,
        String x,
        String y,
        List<Map<String, Value>> datapoints) {
    /** Copies the lists. */
    public DvcPlot {
        revisions = List.copyOf(revisions);
        datapoints = List.copyOf(datapoints);
    }
}
