package io.jenkins.plugins.gputrain.core.dvc.render;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.Flattener;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.value.KeyOrder;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonKey;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code dvc metrics show}: its table ({@code dvc/compare.py::metrics_table}) and its {@code --json}. */
public final class MetricsShow {
    /** How {@code metrics show --json} names the workspace: the empty string (DVC 3.67.1). */
    public static final String JSON_WORKSPACE = "";

    private MetricsShow() {}

    /**
     * The table: one row per revision and file, a column per flattened metric key (sorted), {@code -} where a file
     * lacks the key or could not be read; revisions that failed as a whole have no row.
     *
     * @param revisions the revisions shown
     * @param showRevision whether the {@code Revision} column is shown
     * @param precision decimal places for floats; {@code null} or {@code 0} for 5
     * @param format the layout the table is for
     * @return the table
     */
    public static Table table(
            List<RevisionData> revisions, boolean showRevision, Integer precision, TableFormat format) {
        int digits = Cells.effectivePrecision(precision);
        // the columns: of keys Python holds equal (1, 1.0, True), the first met (TabularData.row_from_dict)
        Map<Object, Value> keys = new LinkedHashMap<>();
        List<Map<Object, Value>> flats = new ArrayList<>();
        List<String[]> owners = new ArrayList<>();
        for (RevisionData revision : revisions) {
            if (revision.optionalError().isPresent()) {
                continue;
            }
            revision.files().forEach((path, result) -> {
                Map<Object, Value> flat = new HashMap<>();
                flat(result).forEach((key, value) -> {
                    keys.putIfAbsent(PythonKey.of(key), key);
                    flat.put(PythonKey.of(key), value);
                });
                flats.add(flat);
                owners.add(new String[] {revision.name(), path});
            });
        }
        List<Value> columns = new ArrayList<>(keys.values());
        columns.sort(KeyOrder.INSTANCE);
        List<String> headers = new ArrayList<>();
        if (showRevision) {
            headers.add("Revision");
        }
        headers.add("Path");
        columns.forEach(key -> headers.add(key.str()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < flats.size(); i++) {
            List<String> row = new ArrayList<>();
            if (showRevision) {
                row.add(owners.get(i)[0]);
            }
            row.add(owners.get(i)[1]);
            for (Value key : columns) {
                row.add(Cells.cell(flats.get(i).get(PythonKey.of(key)), digits));
            }
            rows.add(format.cells(row));
        }
        return new Table(format.cells(headers), rows);
    }

    /** A file's flat metrics by their keys as Python holds them ({@link Flattener#pythonKey}). */
    private static Map<Value, Value> flat(FileResult result) {
        Map<Value, Value> flat = new LinkedHashMap<>();
        if (result instanceof FileResult.Data data) {
            if (data.value() instanceof Value.Dict dict) {
                Flattener.flatten(dict).forEach((key, value) -> flat.put(Flattener.pythonKey(dict, key), value));
            } else {
                flat.put(new Value.Str(""), data.value());
            }
        }
        return flat;
    }

    /**
     * DVC's {@code metrics show --json}: {@code {rev: {"data": {path: {"data": …} | {"error": {"type", "msg"}}}}}},
     * or {@code {rev: {"error": …}}} for a revision that failed as a whole; values unrounded; the workspace is named
     * {@link #JSON_WORKSPACE}, as DVC names it.
     *
     * @param revisions the revisions
     * @return one line
     */
    public static String json(List<RevisionData> revisions) {
        PythonJson json = new PythonJson().beginObject();
        for (RevisionData revision : revisions) {
            json.key(revision.name().equals(DvcRepository.WORKSPACE) ? JSON_WORKSPACE : revision.name())
                    .beginObject();
            if (revision.optionalError().isPresent()) {
                error(json, revision.error());
            } else {
                json.key("data").beginObject();
                revision.files().forEach((path, result) -> {
                    json.key(path).beginObject();
                    if (result instanceof FileResult.Data data) {
                        json.key("data").value(data.value());
                    } else {
                        error(json, (FileResult.Failure) result);
                    }
                    json.endObject();
                });
                json.endObject();
            }
            json.endObject();
        }
        return json.endObject().toString();
    }

    private static void error(PythonJson json, FileResult.Failure failure) {
        json.key("error").beginObject();
        json.key("type").value(new Value.Str(failure.type()));
        json.key("msg").value(new Value.Str(failure.message()));
        json.endObject();
    }
}
