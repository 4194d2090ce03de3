package io.jenkins.plugins.gputrain.core.dvc.diff;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.CodePointOrder;
import io.jenkins.plugins.gputrain.core.dvc.value.KeyOrder;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonKey;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** DVC's diff of two revisions' metrics or params ({@code dvc/utils/diff.py}), file by file and key by key. */
public final class DiffEngine {
    private static final Value UNABLE_TO_PARSE = new Value.Str("unable to parse");

    private final DataFileReader reader = new DataFileReader();

    /**
     * Diffs two revisions.
     *
     * @param old the old revision's files
     * @param current the new revision's files
     * @param all whether unchanged values are reported too ({@code --all})
     * @return the files with differences, sorted by path, each with its rows sorted by key
     */
    public List<FileDifferences> diff(RevisionData old, RevisionData current, boolean all) {
        TreeSet<String> paths = new TreeSet<>(CodePointOrder.INSTANCE);
        paths.addAll(old.files().keySet());
        paths.addAll(current.files().keySet());
        List<FileDifferences> result = new ArrayList<>();
        for (String path : paths) {
            List<Difference> differences = diffFile(data(old, path), data(current, path), all);
            if (!differences.isEmpty()) {
                result.add(new FileDifferences(path, differences));
            }
        }
        return result;
    }

    private Value data(RevisionData revision, String path) {
        FileResult result = revision.files().get(path);
        if (result instanceof FileResult.Data data) {
            return parse(data.value());
        }
        return Value.Dict.empty();
    }

    /** DVC's {@code _parse}: a string that is valid JSON is read as JSON. */
    private Value parse(Value value) {
        if (value instanceof Value.Str str) {
            try {
                return reader.read("value.json", str.value().getBytes(StandardCharsets.UTF_8));
            } catch (UnreadableFileException e) {
                return value;
            }
        }
        return value;
    }

    private static List<Difference> diffFile(Value old, Value current, boolean all) {
        List<Difference> differences = new ArrayList<>();
        if (old instanceof Value.Dict || current instanceof Value.Dict) {
            Flat oldFlat = flat(old);
            Flat newFlat = flat(current);
            // Python's set of both revisions' keys: of keys Python holds equal (1, 1.0, True), the old one
            Map<Object, Value> keys = new LinkedHashMap<>(oldFlat.keys());
            newFlat.keys().forEach(keys::putIfAbsent);
            List<Value> sorted = new ArrayList<>(keys.values());
            sorted.sort(KeyOrder.INSTANCE);
            for (Value key : sorted) {
                diffValues(key, oldFlat.get(key), newFlat.get(key), all, differences);
            }
        } else {
            diffValues(new Value.Str(""), old, current, all, differences);
        }
        return differences;
    }

    private static void diffValues(Value key, Value old, Value current, boolean all, List<Difference> into) {
        if (!all && PythonValues.equal(old, current)) {
            return;
        }
        Value change = old.isNumber() && current.isNumber() ? PythonValues.subtract(current, old) : null;
        into.add(new Difference(key.str(), old, current, change, key));
    }

    private static Flat flat(Value value) {
        if (!value.isTruthy()) {
            return new Flat(Map.of(), Map.of(), Value.None.NONE);
        }
        if (value instanceof Value.Dict dict) {
            Map<Object, Value> keys = new LinkedHashMap<>();
            Map<Object, Value> values = new HashMap<>();
            Flattener.flatten(dict).forEach((text, item) -> {
                Value key = Flattener.pythonKey(dict, text);
                keys.put(PythonKey.of(key), key);
                values.put(PythonKey.of(key), item);
            });
            return new Flat(keys, values, Value.None.NONE);
        }
        return new Flat(Map.of(), Map.of(), UNABLE_TO_PARSE);
    }

    /** Flat values by their keys' identity ({@link PythonKey}), the keys, and the value of a missing key. */
    private record Flat(Map<Object, Value> keys, Map<Object, Value> values, Value missing) {
        Value get(Value key) {
            return values.getOrDefault(PythonKey.of(key), missing);
        }
    }
}
