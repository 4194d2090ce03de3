package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The series of one plot data file, taken row by row as it is read: one {@link SeriesSampler} per y field, the fields
 * given or, when none are, the one DVC infers ({@link Datapoints.InferredY}) or else the first row's last field (none
 * when that is a CSV row's cells past its header, under the key {@code null}). As DVC 3.67.1's {@code _verify_field}
 * ({@code dvc/render/converter/vega.py}) checks the fields named for a file in its first data point, a file whose
 * first row lacks one, or whose rows are no data points while a field is named for it, leaves out the whole revision
 * of its plot ({@code FieldNotFoundError}, {@code TypeError}); a file without rows is left out alone.
 */
final class FileSeries implements Consumer<Map<String, Value>>, Datapoints.InferredY, Datapoints.NoDatapoints {
    private final String xField;
    private final List<String> givenFields;
    private final int exactRows;
    private final List<String> checkedFields;
    private String inferredField;
    /** Whether DVC's inferred y was told ({@link #inferY}), if only that there is none. */
    private boolean inferred;

    private boolean fieldMissing;
    private boolean noDatapoints;
    private final List<String> fields = new ArrayList<>();
    private final List<SeriesSampler> samplers = new ArrayList<>();
    private int rows;

    /**
     * Series for some fields.
     *
     * @param xField the x field, or {@code null} for the row index
     * @param yFields the y fields, or {@code null} for the first row's last field
     * @param exactRows rows each series keeps as read (see {@link SeriesSampler#SeriesSampler(int)})
     * @param checkedFields the fields the first row must have (the y fields given and an x named for this file)
     */
    FileSeries(String xField, List<String> yFields, int exactRows, List<String> checkedFields) {
        this.xField = xField;
        this.givenFields = yFields;
        this.exactRows = exactRows;
        this.checkedFields = List.copyOf(checkedFields);
        if (yFields != null) {
            yFields.forEach(this::sample);
        }
    }

    @Override
    public void accept(Map<String, Value> row) {
        if (rows == 0) {
            fieldMissing = !checkedFields.stream().allMatch(row::containsKey)
                    || inferredField != null && !row.containsKey(inferredField);
            if (givenFields == null && !inferred && !row.isEmpty()) {
                List<String> names = new ArrayList<>(row.keySet());
                String last = names.get(names.size() - 1);
                if (last != null) {
                    sample(last);
                }
            }
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

    /**
     * Takes DVC's inferred y field, or that it infers none ({@code null}: the file draws nothing), when none is given
     * and no row has come yet (else the first row's last field).
     */
    @Override
    public void inferY(String field) {
        if (givenFields == null && rows == 0 && !inferred) {
            inferred = true;
            inferredField = field;
            if (field != null) {
                sample(field);
            }
        }
    }

    @Override
    public void noDatapoints() {
        noDatapoints = true;
    }

    /** Whether DVC draws this file: it has rows, and its first row has every field checked. */
    boolean drawable() {
        return rows > 0 && !fieldMissing;
    }

    /**
     * Whether DVC draws nothing of this revision of the plot: the first row lacks a field checked, or the rows are no
     * data points while a field is checked or inferred for them.
     */
    boolean dropsRevision() {
        return rows > 0 ? fieldMissing : noDatapoints && (givenFields == null || !checkedFields.isEmpty());
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
