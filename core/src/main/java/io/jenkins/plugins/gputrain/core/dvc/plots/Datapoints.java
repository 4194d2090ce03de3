package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.DoubleText;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonTypes;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rows of a plot data file as DVC reads them: CSV/TSV through a header row (or {@code 0, 1, …} with
 * {@code header: false}), every cell a string; JSON/YAML/TOML every list of mappings whose later items have no key the
 * first lacks, merged index by index, as {@code get_datapoints} in DVC 3.67.1's {@code dvc/render/converter/vega.py}
 * does. A falsy file (no rows, a top-level {@code []} or {@code {}}) hands on nothing, as DVC's
 * {@code get_definition_data} ({@code dvc/render/match.py}) leaves it out; one with no list of data points
 * ({@code {"acc": 0.9}}) is {@link NoDatapoints}; an empty list or a top-level scalar is {@link DatapointsFailure}.
 * CSV/TSV, JSON, YAML and TOML files are streamed, a row at a time, without their text or tree in memory; so are the
 * rows handed on. A file the stream cannot read as the whole read does is read
 * whole, within the same {@link io.jenkins.plugins.gputrain.core.dvc.format.ReadLimits}.
 */
public final class Datapoints {
    private Datapoints() {}

    /**
     * A receiver of rows that also takes the {@code y} field DVC infers for a JSON/YAML/TOML file without one:
     * {@code _infer_y_from_data} in {@code dvc/render/converter/vega.py} takes the last key of the first row of the
     * first list of mappings (data points or not), not of the merged rows, and none when that row is empty (DVC then
     * draws nothing of the file). Told before the rows it concerns.
     */
    public interface InferredY {
        /**
         * The inferred field.
         *
         * @param field the last key of the first list of mappings' first row, {@code null} when that row is empty
         */
        void inferY(String field);
    }

    /**
     * A receiver told that a file holds data but no data points: a CSV/TSV file whose later row is longer than its
     * first, a JSON/YAML/TOML file without a list of mappings ({@code {"acc": 0.9}}, {@code [1, 2]}). DVC reads the
     * file, {@code get_datapoints} finds none, and a field looked up in them is its {@code TypeError}, where a file
     * without rows is left out alone.
     */
    public interface NoDatapoints {
        /** The file's rows are no data points. */
        void noDatapoints();
    }

    /**
     * DVC's error taking the data points out of a parsed file ({@code get_datapoints}): an empty list
     * ({@code first([]).keys()}) or a top-level scalar ({@code blob.values()}). Raised while DVC converts a plot, it
     * leaves out that revision of every plot reading the file, with a warning; it is not the file's error.
     */
    public static final class DatapointsFailure extends Exception {
        private static final long serialVersionUID = 1L;

        DatapointsFailure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads the rows into a list.
     *
     * @param path the file's repository path (its suffix picks the format)
     * @param content the bytes
     * @param header whether a CSV/TSV file starts with a header row
     * @param reader the structured-data reader
     * @return the rows, each a mapping from field to value
     * @throws UnreadableFileException when the file cannot be parsed
     * @throws DatapointsFailure when DVC fails to take data points from it
     */
    public static List<Map<String, Value>> read(String path, byte[] content, boolean header, DataFileReader reader)
            throws UnreadableFileException, DatapointsFailure {
        return stream(path, content, header, reader, RowList::new).rows;
    }

    /**
     * Streams the rows, one at a time, to a receiver. A list that turns out not to be rows after some were
     * handed on (an item that is not a mapping) is dropped with its receiver and the next list gets a new one.
     *
     * @param path the file's repository path (its suffix picks the format)
     * @param content the bytes
     * @param header whether a CSV/TSV file starts with a header row
     * @param reader the structured-data reader
     * @param receivers a new receiver for each candidate list
     * @param <T> the receiver type
     * @return the receiver that got the rows
     * @throws UnreadableFileException when the file is too large or cannot be parsed
     * @throws DatapointsFailure when DVC fails to take data points from it
     */
    public static <T extends Consumer<Map<String, Value>>> T stream(
            String path, byte[] content, boolean header, DataFileReader reader, Supplier<T> receivers)
            throws UnreadableFileException, DatapointsFailure {
        String lower = path.toLowerCase(Locale.ROOT);
        reader.checkSize(path, content);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
            return DelimitedRows.read(path, content, lower.endsWith(".tsv") ? '\t' : ',', header, receivers);
        }
        FirstRowList<T> lists = new FirstRowList<>(receivers);
        try {
            reader.streamLists(path, content, lists);
            if (lists.rows != null) {
                return lists.rows;
            }
        } catch (FirstRowList.MergedLists | DataFileReader.ReadWholeException e) {
            // read whole below: the rows are merged from several lists, or only the whole read reads them as DVC
        }
        Value whole = reader.read(path, content);
        T receiver = receivers.get();
        if (whole instanceof Value.Dict dict && dict.entries().isEmpty()) { // falsy: DVC has no data for the file
            return receiver;
        }
        List<Map<String, Value>> rows = new ArrayList<>();
        collect(whole, rows);
        if (receiver instanceof InferredY inferred) {
            firstRowOfMappings(whole)
                    .ifPresent(row -> inferred.inferY(lastKey(row).orElse(null)));
        }
        if (rows.isEmpty() && receiver instanceof NoDatapoints none) {
            none.noDatapoints();
        }
        rows.forEach(receiver);
        return receiver;
    }

    /** Rows collected into a list. */
    private static final class RowList implements Consumer<Map<String, Value>> {
        private final List<Map<String, Value>> rows = new ArrayList<>();

        @Override
        public void accept(Map<String, Value> row) {
            rows.add(row);
        }
    }

    /**
     * The first list of data points, streamed to a receiver; a second one, merged into it index by index, or an empty
     * list (DVC's error) needs the whole file ({@link MergedLists}).
     */
    private static final class FirstRowList<T extends Consumer<Map<String, Value>>>
            implements DataFileReader.DataLists {
        /** A second list of data points or an empty list: the file is read whole. */
        static final class MergedLists extends RuntimeException {
            private static final long serialVersionUID = 1L;

            MergedLists() {
                super("merged lists", null, false, false);
            }
        }

        private final Supplier<T> receivers;
        private T rows;
        private T candidate;
        private Set<String> candidateKeys;
        private boolean datapoints;
        /** Whether the first list of mappings ended; its first row's last key is DVC's inferred y. */
        private boolean inferenceKnown;

        private String inferred;
        private boolean mappingsOnly;
        private boolean firstRowSeen;
        private String firstRowLastKey;

        FirstRowList(Supplier<T> receivers) {
            this.receivers = receivers;
        }

        @Override
        public void start() {
            candidate = rows == null ? receivers.get() : null;
            if (candidate instanceof InferredY receiver && inferenceKnown) {
                receiver.inferY(inferred);
            }
            candidateKeys = null;
            datapoints = true;
            mappingsOnly = true;
            firstRowSeen = false;
        }

        @Override
        public void item(Value item) {
            if (item instanceof Value.Dict dict) {
                mapping(dict.entries());
            } else {
                mappingsOnly = false;
                datapoints = false;
                candidate = null;
            }
        }

        @Override
        public void mapping(Map<String, Value> entries) {
            if (!firstRowSeen && mappingsOnly) {
                firstRowSeen = true;
                firstRowLastKey = lastKey(entries).orElse(null);
            }
            if (!datapoints) {
                return;
            }
            if (candidateKeys != null && !candidateKeys.containsAll(entries.keySet())) {
                datapoints = false;
                candidate = null;
                return;
            }
            if (candidateKeys == null) {
                candidateKeys = Set.copyOf(entries.keySet());
            }
            if (candidate != null) {
                candidate.accept(entries);
            }
        }

        @Override
        public void end(int items) {
            if (!inferenceKnown && mappingsOnly && items > 0) {
                inferenceKnown = true;
                inferred = firstRowLastKey;
            }
            if (!datapoints) {
                return;
            }
            if (items == 0 || rows != null) {
                throw new MergedLists();
            }
            rows = candidate;
        }
    }

    /**
     * The first row of the first list of mappings, the lists found as DVC's {@code _lists} finds them: the value if it
     * is a list, else every list that is a mapping's value, mappings searched depth first.
     */
    private static Optional<Map<String, Value>> firstRowOfMappings(Value value) {
        if (value instanceof Value.Seq seq) {
            return !seq.items().isEmpty() && seq.items().stream().allMatch(Value.Dict.class::isInstance)
                    ? Optional.of(((Value.Dict) seq.items().get(0)).entries())
                    : Optional.empty();
        }
        if (value instanceof Value.Dict dict) {
            for (Value child : dict.entries().values()) {
                Optional<Map<String, Value>> found = firstRowOfMappings(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lastKey(Map<String, Value> row) {
        String last = null;
        for (String key : row.keySet()) {
            last = key;
        }
        return Optional.ofNullable(last);
    }

    /**
     * Merges the lists of data points in a file's value into {@code rows}, in the order DVC's {@code _lists} walks:
     * the value if it is a list, else the lists among its mapping's values, mappings searched depth first.
     */
    private static void collect(Value value, List<Map<String, Value>> rows) throws DatapointsFailure {
        if (value instanceof Value.Seq seq) {
            merge(seq.items(), rows);
        } else if (value instanceof Value.Dict dict) {
            collectValues(dict, rows);
        } else { // _lists calls blob.values()
            throw new DatapointsFailure("'" + pythonType(value) + "' object has no attribute 'values'");
        }
    }

    private static void collectValues(Value.Dict dict, List<Map<String, Value>> rows) throws DatapointsFailure {
        for (Value child : dict.entries().values()) {
            if (child instanceof Value.Seq seq) {
                merge(seq.items(), rows);
            } else if (child instanceof Value.Dict inner) {
                collectValues(inner, rows);
            }
        }
    }

    /** The Python type name of a scalar a data file can hold at its top, as an AttributeError names it. */
    private static String pythonType(Value value) {
        String name = PythonTypes.name(value);
        return value instanceof Value.DateTime ? "datetime." + name : name;
    }

    /** Merges one list index by index if it is data points: mappings with no key the first lacks. */
    private static void merge(List<Value> items, List<Map<String, Value>> rows) throws DatapointsFailure {
        if (items.isEmpty()) { // DVC's _is_datapoints calls first([]).keys()
            throw new DatapointsFailure("'NoneType' object has no attribute 'keys'");
        }
        if (!items.stream().allMatch(Value.Dict.class::isInstance)) {
            return;
        }
        Set<String> keys = ((Value.Dict) items.get(0)).entries().keySet();
        if (!items.stream()
                .allMatch(item -> keys.containsAll(((Value.Dict) item).entries().keySet()))) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (rows.size() <= i) {
                rows.add(new LinkedHashMap<>());
            }
            rows.get(i).putAll(((Value.Dict) items.get(i)).entries());
        }
    }

    /**
     * Whether a value is a number that is not finite: {@code Infinity}, {@code -Infinity} or {@code NaN} in JSON or
     * YAML, or {@code inf}, {@code -inf}, {@code nan} (any case) in CSV as Python writes them, or a number too large
     * for a double (an integer, or a cell such as {@code 1e400}).
     */
    public static boolean isNonFinite(Value value) {
        if (value instanceof Value.Float || value instanceof Value.Int) {
            return !Double.isFinite(number(value));
        }
        if (value instanceof Value.Str s) {
            String text = s.value().strip().toLowerCase(Locale.ROOT);
            return NON_FINITE.contains(text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text)
                    || Double.isInfinite(number(value));
        }
        return false;
    }

    private static final java.util.Set<String> NON_FINITE = java.util.Set.of("inf", "infinity", "nan");

    /**
     * A value as a number: numbers as they are, strings parsed as {@link Double#parseDouble} parses them (the same
     * syntax and the same correctly rounded double, by Jackson's copy of FastDoubleParser: {@code parseDouble} was a
     * third of a 1M-row CSV plot's CPU time), anything else NaN.
     */
    public static double number(Value value) {
        if (value instanceof Value.Float f) {
            return f.value();
        }
        if (value instanceof Value.Int i) {
            return i.value().doubleValue();
        }
        if (value instanceof Value.Bool b) {
            return b.value() ? 1 : 0;
        }
        if (value instanceof Value.Str s) {
            try {
                return DoubleText.parse(s.value().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
