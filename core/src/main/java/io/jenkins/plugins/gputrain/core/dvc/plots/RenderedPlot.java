package io.jenkins.plugins.gputrain.core.dvc.plots;

import java.util.List;

/**
 * A plot written to the output directory.
 *
 * @param id the plot id
 * @param title the title
 * @param images the images to show, paths relative to the output directory
 * @param series what a data plot drew, one series per revision and y field; empty for image plots
 */
public record RenderedPlot(String id, String title, List<Image> images, List<Series> series) {
    /** Copies the lists. */
    public RenderedPlot {
        images = List.copyOf(images);
        series = List.copyOf(series);
    }

    /** An image plot, or a plot with nothing drawn. */
    public RenderedPlot(String id, String title, List<Image> images) {
        this(id, title, images, List.of());
    }

    /**
     * One image of a plot.
     *
     * @param revision the revision it shows, or {@code null} when it shows every revision
     * @param path the PNG, relative to the output directory
     * @param svg the SVG next to it, relative to the output directory, or {@code null}
     */
    public record Image(String revision, String path, String svg) {}
}
