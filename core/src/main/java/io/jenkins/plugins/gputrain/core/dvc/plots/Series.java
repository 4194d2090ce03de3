package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.List;
import java.util.Map;

/**
 * One series of a plot: one revision's rows for one y field.
 *
 * @param name the legend text (the revision, plus file and field when a plot has several)
 * @param revision the revision
 * @param x the x value of each row ({@code null} entries use the row index, DVC's {@code step})
 * @param y the y value of each row
 */
public record Series(String name, String revision, List<Value> x, List<Value> y) {
    /** Copies the lists. */
    public Series {
        x = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(x));
        y = List.copyOf(y);
    }

    /** The x and y of rows, for a field pair; a {@code null} x field means the row index. */
    static Series of(String name, String revision, List<Map<String, Value>> rows, String xField, String yField) {
        List<Value> x = new java.util.ArrayList<>();
        List<Value> y = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Value> row = rows.get(i);
            x.add(xField == null ? Value.Int.of(i) : row.getOrDefault(xField, Value.None.NONE));
            y.add(row.getOrDefault(yField, Value.None.NONE));
        }
        return new Series(name, revision, x, y);
    }
}
