package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.List;

/**
 * One series of a plot: one revision's rows for one y field, every row or, for a long series, the points
 * {@link SeriesSampler} kept.
 *
 * @param name the legend text (the revision, plus file and field when a plot has several)
 * @param revision the revision
 * @param x the x value of each row ({@code null} entries use the row index, DVC's {@code step})
 * @param y the y value of each row
 * @param nonFiniteOmitted rows of a reduced series left out because a value was not a finite number (counted in
 *     what the drawing says was not drawn)
 */
public record Series(String name, String revision, List<Value> x, List<Value> y, int nonFiniteOmitted) {
    /** Copies the lists. */
    public Series {
        x = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(x));
        y = List.copyOf(y);
    }

    /** A series of every row. */
    public Series(String name, String revision, List<Value> x, List<Value> y) {
        this(name, revision, x, y, 0);
    }
}
