package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The series of one revision of a data plot, paired and checked as DVC 3.67.1's {@code VegaConverter.flat_datapoints}
 * ({@code dvc/render/converter/vega.py}) does: the {@code x} and {@code y} sources ({@code (file, field)} pairs, a
 * string {@code x} once per {@code y} field of each file, an absent {@code y} inferred from the plot's own file), the
 * first data point of every file with data checked for each field named for it, then {@code ys[i]} paired with
 * {@code xs[i]}, or {@code xs[0]} when there is one {@code x}, or the row index when there is none; an {@code x} of
 * another file is joined by row index and needs as many rows as the {@code y} file. What fails there is DVC's
 * exception for the revision ({@link Converted#failure()}): {@code match_defs_renderers} leaves the revision out of the
 * plot, with a warning.
 */
final class RevisionSeries {
    /** DVC's {@code INDEX} field: the row index as x. */
    static final String STEP = "step";

    /** A file and one of its fields, as DVC's {@code _file_field} yields them. */
    record FileField(String file, String field) {}

    /** Reads a plot file of the revision. */
    interface Files {
        /**
         * Streams a file to a receiver.
         *
         * @param file the repository path
         * @param receivers a new receiver for each candidate list of rows
         * @param report whether a file that cannot be read is noted as the revision's error (once per file and plot)
         * @param <T> the receiver type
         * @return the receiver, empty when the file cannot be read (DVC then has no data for it)
         * @throws Datapoints.DatapointsFailure when DVC fails to take data points from it
         */
        <T extends Consumer<Map<String, Value>>> Optional<T> read(String file, Supplier<T> receivers, boolean report)
                throws Datapoints.DatapointsFailure;
    }

    /**
     * What DVC draws of the revision.
     *
     * @param series the series, in the order of the y sources
     * @param failure DVC's exception message, as it raised it, when the revision is left out; else {@code null}
     * @param xLabel the x axis title DVC infers ({@code x_label} if given)
     * @param yLabel the y axis title DVC infers ({@code y_label} if given)
     */
    record Converted(List<Series> series, String failure, String xLabel, String yLabel) {
        Converted {
            series = List.copyOf(series);
        }

        static Converted failed(String message) {
            return new Converted(List.of(), message, null, null);
        }
    }

    private RevisionSeries() {}

    /**
     * Converts one revision of a plot.
     *
     * @param plot the plot: its properties merged over the revisions, its files as this revision defines them
     * @param revision the revision
     * @param exactRows rows each series keeps as read
     * @param files the reader of the revision's files
     * @return the series, or the failure leaving the revision out
     */
    static Converted convert(PlotSource plot, String revision, int exactRows, Files files) {
        Value x = plot.props().get("x");
        Value y = plot.props().get("y");
        String own = plot.files().isEmpty() ? plot.id() : plot.files().get(0);
        List<FileField> xs = xs(x, y, own);
        List<FileField> given = y == null || y instanceof Value.None ? null : ys(y, own);
        try {
            Map<FileField, List<Value>> columns = joinedColumns(plot, xs, given, own, files);
            Map<String, FileSeries> read = new LinkedHashMap<>();
            Map<String, List<FileSeries.Wanted>> wantedByFile = new LinkedHashMap<>();
            for (int i = 0; given != null && i < given.size(); i++) {
                FileField one = given.get(i);
                wantedByFile
                        .computeIfAbsent(one.file(), file -> new ArrayList<>())
                        .add(new FileSeries.Wanted(one.field(), xSource(xs, i, one.file(), columns)));
            }
            for (String file : plot.files()) {
                List<FileSeries.Wanted> wanted =
                        given == null && file.equals(own) ? null : wantedByFile.getOrDefault(file, List.of());
                FileSeries.XSource inferredX = xSource(xs, 0, file, columns);
                files.read(file, () -> new FileSeries(wanted, inferredX, exactRows), true)
                        .filter(FileSeries::present)
                        .ifPresent(series -> read.put(file, series));
            }
            List<FileField> ys = given != null ? given : inferred(read.get(own), own);
            Optional<String> failure = verify(xs, ys, read);
            if (failure.isPresent()) {
                return Converted.failed(failure.get());
            }
            return series(plot, revision, xs, ys, read);
        } catch (Datapoints.DatapointsFailure e) {
            return Converted.failed(e.getMessage());
        }
    }

    /**
     * The x sources after DVC's {@code _infer_x_y}: a string {@code x} for each {@code y} field of each file; an
     * {@code x} that is neither a string nor a mapping (a list or a number a {@code ${…}} gave it after the schema
     * check) is none, the row index, as DVC's {@code _get_xs} takes mappings only.
     */
    private static List<FileField> xs(Value x, Value y, String own) {
        if (!givenX(x)) {
            return List.of();
        }
        if (x instanceof Value.Dict byFile) {
            return fileFields(byFile);
        }
        List<FileField> xs = new ArrayList<>();
        if (y instanceof Value.Dict yByFile) {
            yByFile.entries().forEach((file, fields) -> {
                int copies = fields instanceof Value.Seq seq ? seq.items().size() : 1;
                for (int i = 0; i < copies; i++) {
                    xs.add(new FileField(file, x.str()));
                }
            });
        } else {
            xs.add(new FileField(own, x.str()));
        }
        return xs;
    }

    /** Whether an {@code x} names fields: a string or a mapping. */
    private static boolean givenX(Value x) {
        return x instanceof Value.Str || x instanceof Value.Dict;
    }

    /** The y sources given: a mapping's, or a field or fields of the plot's own file. */
    private static List<FileField> ys(Value y, String own) {
        if (y instanceof Value.Dict byFile) {
            return fileFields(byFile);
        }
        if (y instanceof Value.Seq seq) {
            return seq.items().stream()
                    .map(field -> new FileField(own, field.str()))
                    .toList();
        }
        return List.of(new FileField(own, y.str()));
    }

    /** DVC's {@code _infer_y_from_data}: the own file's inferred field, when DVC has data for the file. */
    private static List<FileField> inferred(FileSeries own, String file) {
        return own == null || own.inferredY() == null ? List.of() : List.of(new FileField(file, own.inferredY()));
    }

    /** DVC's {@code _file_field}: a string value is one field, a list each of its items, anything else none. */
    private static List<FileField> fileFields(Value.Dict byFile) {
        List<FileField> result = new ArrayList<>();
        byFile.entries().forEach((file, fields) -> {
            if (fields instanceof Value.Str field) {
                result.add(new FileField(file, field.value()));
            } else if (fields instanceof Value.Seq seq) {
                seq.items().forEach(field -> result.add(new FileField(file, field.str())));
            }
        });
        return result;
    }

    /** The x source paired with the i-th y source: {@code xs[i]} when there are several, else {@code xs[0]}. */
    private static Optional<FileField> pairedX(List<FileField> xs, int i) {
        if (xs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(xs.size() > 1 && i < xs.size() ? xs.get(i) : xs.get(0));
    }

    private static FileSeries.XSource xSource(
            List<FileField> xs, int i, String yFile, Map<FileField, List<Value>> columns) {
        Optional<FileField> x = pairedX(xs, i);
        if (x.isEmpty()) {
            return new FileSeries.Index();
        }
        if (x.get().file().equals(yFile)) {
            return new FileSeries.OwnField(x.get().field());
        }
        boolean multipleFields =
                xs.size() > 1 && xs.stream().map(FileField::field).distinct().count() > 1;
        return new FileSeries.Joined(
                columns.getOrDefault(x.get(), List.of()),
                multipleFields ? null : x.get().field());
    }

    /** The x values of other files than their y's, read first: each file read once for its fields. */
    private static Map<FileField, List<Value>> joinedColumns(
            PlotSource plot, List<FileField> xs, List<FileField> given, String own, Files files) {
        List<FileField> ys = given == null ? List.of(new FileField(own, null)) : given;
        Map<String, Set<String>> needed = new LinkedHashMap<>();
        for (int i = 0; i < ys.size(); i++) {
            String yFile = ys.get(i).file();
            pairedX(xs, i)
                    .filter(x -> !x.file().equals(yFile) && plot.files().contains(x.file()))
                    .ifPresent(x -> needed.computeIfAbsent(x.file(), file -> new LinkedHashSet<>())
                            .add(x.field()));
        }
        Map<FileField, List<Value>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> file : needed.entrySet()) {
            try {
                files.read(file.getKey(), () -> new Columns(file.getValue()), false)
                        .ifPresent(read -> read.values.forEach(
                                (field, values) -> columns.put(new FileField(file.getKey(), field), values)));
            } catch (Datapoints.DatapointsFailure e) {
                // met again, in the files' order, when the files are read for their series
            }
        }
        return columns;
    }

    /**
     * DVC's {@code _verify_field} for every x, then every y source of a file it has data for, and its check that
     * several x sources are one per y source.
     */
    private static Optional<String> verify(List<FileField> xs, List<FileField> ys, Map<String, FileSeries> read) {
        List<FileField> checked = new ArrayList<>(xs);
        checked.addAll(ys);
        for (FileField source : checked) {
            FileSeries file = read.get(source.file());
            if (file == null) {
                continue;
            }
            Optional<List<String>> first = file.firstRow();
            if (first.isEmpty()) { // field not in first([])
                return Optional.of("argument of type 'NoneType' is not iterable");
            }
            if (!first.get().contains(source.field())) {
                int none = first.get().indexOf(null);
                return Optional.of(
                        none >= 0 // ", ".join(datapoint.keys()) meets a CSV row's restkey
                                ? "sequence item " + none + ": expected str instance, NoneType found"
                                : "Could not find provided field ('" + source.field() + "') in data fields ('"
                                        + String.join(", ", first.get()) + "').");
            }
        }
        if (xs.size() > 1 && xs.size() != ys.size()) {
            return Optional.of("Cannot have different number of x and y data sources. Found " + xs.size() + " x and "
                    + ys.size() + " y data sources.");
        }
        return Optional.empty();
    }

    private static Converted series(
            PlotSource plot, String revision, List<FileField> xs, List<FileField> ys, Map<String, FileSeries> read) {
        List<Series> series = new ArrayList<>();
        Map<String, Integer> taken = new LinkedHashMap<>();
        for (int i = 0; i < ys.size(); i++) {
            FileField y = ys.get(i);
            int rows = rows(read, y.file());
            Optional<FileField> x = pairedX(xs, i);
            if (x.isPresent() && rows(read, x.get().file()) != rows) {
                return Converted.failed(
                        "Cannot join '" + x.get().field() + "' from '" + x.get().file() + "' and '" + y.field()
                                + "' from '" + y.file() + "'. They have to have same length.");
            }
            int field = taken.merge(y.file(), 1, Integer::sum) - 1;
            if (rows > 0) {
                String name = ys.size() > 1 ? revision + ": " + y.file() + "::" + y.field() : revision;
                series.add(read.get(y.file()).series(field, name, revision));
            }
        }
        return new Converted(series, null, xLabel(plot, xs), yLabel(plot, ys));
    }

    private static int rows(Map<String, FileSeries> read, String file) {
        FileSeries series = read.get(file);
        return series == null ? 0 : series.rows();
    }

    /** DVC's {@code infer_x_label}: the one x field, {@code x} for several, {@code step} without an x. */
    private static String xLabel(PlotSource plot, List<FileField> xs) {
        if (!givenX(plot.props().get("x"))) {
            return plot.text("x_label", STEP);
        }
        Set<String> fields = new LinkedHashSet<>();
        xs.forEach(one -> fields.add(one.field()));
        return plot.text("x_label", fields.size() == 1 ? fields.iterator().next() : "x");
    }

    /** DVC's {@code infer_y_label}: the one y field, else {@code y}. */
    private static String yLabel(PlotSource plot, List<FileField> ys) {
        Set<String> fields = new LinkedHashSet<>();
        ys.forEach(one -> fields.add(one.field()));
        return plot.text("y_label", fields.size() == 1 ? fields.iterator().next() : "y");
    }

    /** Some fields of a file's rows, row by row ({@code null} where a row lacks one). */
    private static final class Columns implements Consumer<Map<String, Value>> {
        private final Map<String, List<Value>> values = new LinkedHashMap<>();

        Columns(Set<String> fields) {
            fields.forEach(field -> values.put(field, new ArrayList<>()));
        }

        @Override
        public void accept(Map<String, Value> row) {
            values.forEach((field, column) -> column.add(row.get(field)));
        }
    }
}
