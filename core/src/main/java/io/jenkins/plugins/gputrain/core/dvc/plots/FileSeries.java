package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The series of one plot data file, taken row by row as it is read: one {@link SeriesSampler} per y field, the fields
 * given or, when none are, the first row's last field.
 */
final class FileSeries implements Consumer<Map<String, Value>> {
    private final String xField;
    private final List<String> givenFields;
    private final int exactRows;
    private final List<String> fields = new ArrayList<>();
    private final List<SeriesSampler> samplers = new ArrayList<>();
    private int rows;

    /**
     * Series for some fields.
     *
     * @param xField the x field, or {@code null} for the row index
     * @param yFields the y fields, or {@code null} for the first row's last field
     * @param exactRows rows each series keeps as read (see {@link SeriesSampler#SeriesSampler(int)})
     */
    FileSeries(String xField, List<String> yFields, int exactRows) {
        this.xField = xField;
        this.givenFields = yFields;
        this.exactRows = exactRows;
        if (yFields != null) {
            yFields.forEach(this::sample);
        }
    }

    @Override
    public void accept(Map<String, Value> row) {
        if (rows == 0 && givenFields == null && !row.isEmpty()) {
            List<String> names = new ArrayList<>(row.keySet());
            sample(names.get(names.size() - 1));
        }
        Value x = xField == null ? Value.Int.of(rows) : row.getOrDefault(xField, Value.None.NONE);
        for (int i = 0; i < fields.size(); i++) {
            samplers.get(i).add(x, row.getOrDefault(fields.get(i), Value.None.NONE));
        }
        rows++;
    }

    private void sample(String field) {
        fields.add(field);
        samplers.add(new SeriesSampler(exactRows));
    }

    /** The y fields, in the order given. */
    List<String> fields() {
        return List.copyOf(fields);
    }

    /**
     * One field's series.
     *
     * @param field an index into {@link #fields()}
     * @param name the legend text
     * @param revision the revision
     * @return the series
     */
    Series series(int field, String name, String revision) {
        return samplers.get(field).series(name, revision);
    }
}
