package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.List;
import java.util.Map;

/**
 * One plot as one revision defines it: its id, the data files, and its properties ({@code template}, {@code x},
 * {@code y}, {@code title}, {@code x_label}, {@code y_label}, {@code header}).
 *
 * @param id the plot id: the data file's path, or the free id of a top-level definition
 * @param files the data files (repository paths)
 * @param props the properties
 */
public record PlotSource(String id, List<String> files, Map<String, Value> props) {
    /** Copies the collections. */
    public PlotSource {
        files = List.copyOf(files);
        props = Map.copyOf(props);
    }

    /** A text property, or the fallback. */
    public String text(String name, String fallback) {
        Value value = props.get(name);
        return value == null || value instanceof Value.None ? fallback : value.str();
    }

    /** Whether the data files are images rather than data series. */
    public boolean isImage() {
        return !files.isEmpty() && files.stream().allMatch(PlotSource::isImageFile);
    }

    static boolean isImageFile(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".png")
                || lower.endsWith(".jpg")
                || lower.endsWith(".jpeg")
                || lower.endsWith(".gif")
                || lower.endsWith(".svg");
    }
}
