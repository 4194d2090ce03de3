package io.jenkins.plugins.gputrain.core.dvc.diff;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.CodePointOrder;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            Set<String> keys = new HashSet<>(oldFlat.values().keySet());
            keys.addAll(newFlat.values().keySet());
            for (String key : CodePointOrder.sorted(keys)) {
                diffValues(key, oldFlat.get(key), newFlat.get(key), all, differences);
            }
        } else {
            diffValues("", old, current, all, differences);
        }
        return differences;
    }

    private static void diffValues(String key, Value old, Value current, boolean all, List<Difference> into) {
        if (!all && PythonValues.equal(old, current)) {
            return;
        }
        Value change = old.isNumber() && current.isNumber() ? PythonValues.subtract(current, old) : null;
        into.add(new Difference(key, old, current, change));
    }

    private static Flat flat(Value value) {
        if (!value.isTruthy()) {
            return new Flat(Map.of(), Value.None.NONE);
        }
        if (value instanceof Value.Dict dict) {
            return new Flat(Flattener.flatten(dict), Value.None.NONE);
        }
        return new Flat(Map.of(), UNABLE_TO_PARSE);
    }

    /** Flat values with the value of a missing key. */
    private record Flat(Map<String, Value> values, Value missing) {
        Value get(String key) {
            return values.getOrDefault(key, missing);
        }
    }
}
