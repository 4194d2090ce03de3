package io.jenkins.plugins.gputrain.core.dvc.plots;

import java.util.List;

/**
 * A plot written to the output directory.
 *
 * @param id the plot id
 * @param title the title
 * @param images the images to show, paths relative to the output directory
 */
public record RenderedPlot(String id, String title, List<Image> images) {
    /** Copies the images. */
    public RenderedPlot {
        images = List.copyOf(images);
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
