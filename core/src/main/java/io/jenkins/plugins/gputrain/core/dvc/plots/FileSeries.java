package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The series of one plot data file, taken row by row as it is read, and what DVC 3.67.1's {@code flat_datapoints}
 * ({@code dvc/render/converter/vega.py}) checks of the file: whether it has data, its row count and its first row's
 * keys. One {@link SeriesSampler} per y field wanted or, when none is, for the one DVC infers
 * ({@link Datapoints.InferredY}) or else the first row's last key (none when that is a CSV row's cells past its header,
 * under the key {@code null}); each series' x values come from its {@link XSource}.
 */
final class FileSeries implements Consumer<Map<String, Value>>, Datapoints.InferredY, Datapoints.NoDatapoints {
    /** Where the x values of a series come from. */
    sealed interface XSource {}

    /** The row index, DVC's {@code step}. */
    record Index() implements XSource {}

    /** A field of the same row. */
    record OwnField(String name) implements XSource {}

    /**
     * A field of another file, joined by row index as DVC's {@code _update_from_field} joins it: a row that file lacks
     * the field in keeps the same row's own field named {@code fallback}, if any.
     *
     * @param values the other file's values, row by row, {@code null} where a row lacks the field
     * @param fallback the field of the same row used then, or {@code null}
     */
    record Joined(List<Value> values, String fallback) implements XSource {}

    /** A y field of the file and its x values. */
    record Wanted(String yField, XSource x) {}

    private final List<Wanted> wanted;
    private final XSource inferredX;
    private final int exactRows;
    private final List<Wanted> taken = new ArrayList<>();
    private final List<SeriesSampler> samplers = new ArrayList<>();
    /** Whether DVC's inferred y was told ({@link #inferY}), if only that there is none. */
    private boolean inferred;

    private String inferredField;
    private boolean noDatapoints;
    private List<String> firstRow;
    private int rows;

    /**
     * Series of a file.
     *
     * @param wanted the y fields and their x values, or {@code null} for the y DVC infers
     * @param inferredX the x values of the inferred y
     * @param exactRows rows each series keeps as read (see {@link SeriesSampler#SeriesSampler(int)})
     */
    FileSeries(List<Wanted> wanted, XSource inferredX, int exactRows) {
        this.wanted = wanted == null ? null : List.copyOf(wanted);
        this.inferredX = inferredX;
        this.exactRows = exactRows;
        if (wanted != null) {
            wanted.forEach(this::sample);
        }
    }

    @Override
    public void accept(Map<String, Value> row) {
        if (rows == 0) {
            firstRow = new ArrayList<>(row.keySet());
            if (wanted == null && !inferred && !firstRow.isEmpty()) {
                inferred = true;
                inferredField = firstRow.get(firstRow.size() - 1);
                if (inferredField != null) {
                    sample(new Wanted(inferredField, inferredX));
                }
            }
        }
        for (int i = 0; i < taken.size(); i++) {
            Wanted one = taken.get(i);
            samplers.get(i).add(x(one.x(), row), row.getOrDefault(one.yField(), Value.None.NONE));
        }
        rows++;
    }

    private Value x(XSource source, Map<String, Value> row) {
        if (source instanceof OwnField own) {
            return row.getOrDefault(own.name(), Value.None.NONE);
        }
        if (source instanceof Joined joined) {
            Value value = rows < joined.values().size() ? joined.values().get(rows) : null;
            return value != null
                    ? value
                    : joined.fallback() == null
                            ? Value.None.NONE
                            : row.getOrDefault(joined.fallback(), Value.None.NONE);
        }
        return Value.Int.of(rows);
    }

    private void sample(Wanted one) {
        taken.add(one);
        samplers.add(new SeriesSampler(exactRows));
    }

    /**
     * Takes DVC's inferred y field, or that it infers none ({@code null}: the file draws nothing), when none is wanted
     * and no row has come yet (else the first row's last key).
     */
    @Override
    public void inferY(String field) {
        if (wanted == null && rows == 0 && !inferred) {
            inferred = true;
            inferredField = field;
            if (field != null) {
                sample(new Wanted(field, inferredX));
            }
        }
    }

    @Override
    public void noDatapoints() {
        noDatapoints = true;
    }

    /** Whether DVC has data for the file: rows, or data without data points; a falsy file it leaves out. */
    boolean present() {
        return rows > 0 || noDatapoints;
    }

    /** The data points DVC takes from the file. */
    int rows() {
        return rows;
    }

    /**
     * The first data point's keys ({@code null} for a CSV row's cells past its header); empty when there is none
     * (DVC's {@code first([])}, {@code None}).
     */
    Optional<List<String>> firstRow() {
        return Optional.ofNullable(firstRow).map(Collections::unmodifiableList);
    }

    /** The y DVC infers for the file when none is given, {@code null} when it infers none. */
    String inferredY() {
        return inferredField;
    }

    /** The y fields sampled, in the order wanted. */
    List<String> fields() {
        return taken.stream().map(Wanted::yField).toList();
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
