package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonTypes;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import java.util.Map;

/**
 * Where dpath 2.2's {@code merge} (DVC's {@code read_param_file}, one key's selection merged into the ones before)
 * fails on mapping keys that are not strings, failing the params file in that revision:
 *
 * <ul>
 *   <li>it first copies the selection with {@code search(src, '**')}, which sets each mapping below the top whole and
 *       then each of its entries again; {@code segments.set} calls {@code extend(dict, k)} for an {@code int} or
 *       {@code bool} key {@code k}, which reaches {@code dict.extend} (an {@code AttributeError}) when the mapping
 *       already has more than {@code k} entries (any negative {@code k}): below the top, the whole mapping; at the top,
 *       the keys set before it;
 *   <li>its {@code merger} then takes {@code len(key)} of every top-level key, and of every key of a mapping the
 *       earlier selections already hold: a {@code TypeError} for an {@code int}, {@code bool}, {@code float} or
 *       {@code None} key.
 * </ul>
 */
final class DpathMerge {
    private DpathMerge() {}

    /**
     * Checks that dpath merges a key's selection.
     *
     * @param into what the earlier keys selected
     * @param found what this key selects
     * @throws UnreadableFileException with Python's error where dpath fails
     */
    static void check(Map<String, Value> into, Value.Dict found) throws UnreadableFileException {
        int position = 0;
        for (Map.Entry<String, Value> entry : found.entries().entrySet()) {
            if (reachesExtend(found.key(entry.getKey()), position++)) {
                throw new UnreadableFileException("AttributeError", "'dict' object has no attribute 'extend'");
            }
            checkBelow(entry.getValue());
        }
        checkLengths(into, found);
    }

    private static void checkBelow(Value value) throws UnreadableFileException {
        if (value instanceof Value.Dict dict) {
            for (Map.Entry<String, Value> entry : dict.entries().entrySet()) {
                if (reachesExtend(dict.key(entry.getKey()), dict.entries().size())) {
                    throw new UnreadableFileException("AttributeError", "'dict' object has no attribute 'extend'");
                }
                checkBelow(entry.getValue());
            }
        } else if (value instanceof Value.Seq seq) {
            for (Value item : seq.items()) {
                checkBelow(item);
            }
        }
    }

    /** Whether {@code extend(dict, key)} on a mapping of that many entries calls {@code dict.extend}. */
    private static boolean reachesExtend(Value key, int entries) {
        BigInteger index;
        if (key instanceof Value.Int i) {
            index = i.value();
        } else if (key instanceof Value.Bool b) {
            index = b.value() ? BigInteger.ONE : BigInteger.ZERO;
        } else {
            return false;
        }
        return index.compareTo(BigInteger.valueOf(entries)) < 0;
    }

    private static void checkLengths(Map<String, Value> into, Value.Dict found) throws UnreadableFileException {
        for (Map.Entry<String, Value> entry : found.entries().entrySet()) {
            Value key = found.key(entry.getKey());
            if (!(key instanceof Value.Str || key instanceof Value.Seq || key instanceof Value.Bytes)) {
                String type =
                        key instanceof Value.DateTime ? "datetime." + PythonTypes.name(key) : PythonTypes.name(key);
                throw new UnreadableFileException("TypeError", "object of type '" + type + "' has no len()");
            }
            if (into.get(entry.getKey()) instanceof Value.Dict held && entry.getValue() instanceof Value.Dict more) {
                checkLengths(held.entries(), more);
            }
        }
    }
}
