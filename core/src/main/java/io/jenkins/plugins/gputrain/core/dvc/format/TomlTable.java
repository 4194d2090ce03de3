package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TOML table being streamed, entered and filled by the rules of the parser of the whole read
 * (jackson-dataformat-toml 2.19, {@code Parser.parseAndEnterKey}, {@code getOrCreateObject}, {@code parseKeyVal}): a
 * table named by a header or defined by a dotted key is not named by a header again, a key is not repeated, a
 * dotted key or header through an array of tables enters its last table, and inline tables and arrays are values
 * that nothing enters. What the whole read refuses is left to it.
 *
 * <p>A table of a row (or an inline table) keeps its values. A table around the rows keeps only its keys and hands
 * its arrays of tables on a table at a time; it is read in the order a whole read walks it, so once a later key
 * comes, the child entered before is left behind (its rows end), and a key or header that would enter a child left
 * behind makes the file one to read whole.
 */
final class TomlTable {
    /** The value of a key of a table around the rows: not kept. */
    private static final Object NOT_KEPT = new Object();

    private final Map<String, Object> entries = new LinkedHashMap<>();
    private final int depth;
    private final TomlBounds bounds;
    /** Where the arrays of tables of a table around the rows go; {@code null} in a row. */
    private final DataFileReader.DataLists lists;

    private boolean defined;
    /** Around the rows: the child entered last, the only one not left behind. */
    private Object open;

    TomlTable(int depth, TomlBounds bounds, DataFileReader.DataLists lists) {
        bounds.depth(depth);
        this.depth = depth;
        this.bounds = bounds;
        this.lists = lists;
    }

    /** The depth of this table, the top-level table's 1. */
    int depth() {
        return depth;
    }

    /** Whether this table keeps its values (a row, a table in one, an inline table). */
    boolean keepsValues() {
        return lists == null;
    }

    /**
     * The table a key's last part goes into: the dotted parts before it entered (created when missing), each defined
     * when the key is a key-value pair's.
     *
     * @param key the parts of the key
     * @param header whether it is a header's ({@code [a.b]}, {@code [[a.b]]})
     */
    TomlTable enter(List<String> key, boolean header) {
        TomlTable table = this;
        for (String part : key.subList(0, key.size() - 1)) {
            table.defined |= !header;
            table = table.child(part);
        }
        table.defined |= !header;
        return table;
    }

    private TomlTable child(String key) {
        Object child = entries.get(key);
        if (child == null) {
            TomlTable table = new TomlTable(depth + 1, bounds, lists);
            add(key, table);
            return table;
        }
        if (child instanceof TomlTable table) {
            reenter(table);
            return table;
        }
        if (child instanceof TomlTableArray array) {
            reenter(array);
            return array.last();
        }
        throw new DataFileReader.ReadWholeException();
    }

    /**
     * The table a {@code [key]} header names, created when missing.
     *
     * @param key the header's last part
     */
    TomlTable table(String key) {
        Object child = entries.get(key);
        TomlTable table;
        if (child == null) {
            table = new TomlTable(depth + 1, bounds, lists);
            add(key, table);
        } else if (child instanceof TomlTable existing) {
            reenter(existing);
            table = existing;
        } else {
            throw new DataFileReader.ReadWholeException();
        }
        if (table.defined) {
            throw new DataFileReader.ReadWholeException();
        }
        table.defined = true;
        return table;
    }

    /**
     * The new last table of the array a {@code [[key]]} header names, the array created when missing (around the
     * rows its list begins then).
     *
     * @param key the header's last part
     */
    TomlTable arrayTable(String key) {
        Object child = entries.get(key);
        TomlTableArray array;
        if (child == null) {
            array = new TomlTableArray(depth + 1, bounds, lists);
            add(key, array);
        } else if (child instanceof TomlTableArray existing) {
            reenter(existing);
            array = existing;
        } else {
            throw new DataFileReader.ReadWholeException();
        }
        return array.add();
    }

    /**
     * Makes ready for a key's value: a repeated key is the whole read's to refuse; around the rows, the child entered
     * before is left behind (its rows end before the value's lists begin).
     *
     * @param key the key's last part
     */
    void expectValue(String key) {
        if (entries.containsKey(key)) {
            throw new DataFileReader.ReadWholeException();
        }
        if (!keepsValues()) {
            leave();
        }
    }

    /**
     * Adds a key's value to a table that keeps its values, after {@link #expectValue}.
     *
     * @param key the key's last part
     * @param value its value
     */
    void put(String key, Value value) {
        entries.put(key, value);
        bounds.entries(entries.size());
    }

    /**
     * Adds a key to a table around the rows, after {@link #expectValue} and its value's lists.
     *
     * @param key the key's last part
     */
    void putKey(String key) {
        entries.put(key, NOT_KEPT);
        bounds.entries(entries.size());
    }

    /** The table as a whole read has it (of a table that keeps its values). */
    Value.Dict value() {
        Map<String, Value> values = new LinkedHashMap<>();
        entries.forEach((key, child) -> values.put(key, value(child)));
        return new Value.Dict(values);
    }

    private static Value value(Object child) {
        if (child instanceof TomlTable table) {
            return table.value();
        }
        if (child instanceof TomlTableArray array) {
            return array.value();
        }
        return (Value) child;
    }

    private void add(String key, Object child) {
        entries.put(key, child);
        bounds.entries(entries.size());
        if (!keepsValues()) {
            leave();
            open = child;
        }
        if (child instanceof TomlTableArray array) {
            array.begin();
        }
    }

    /** Around the rows, only the child entered last may be entered again: the others are behind the stream. */
    private void reenter(Object child) {
        if (!keepsValues() && child != open) {
            throw new DataFileReader.ReadWholeException();
        }
    }

    /** Leaves the child entered last behind: at the end of the file, or once another key comes. */
    void leave() {
        if (open instanceof TomlTable table) {
            table.leave();
        } else if (open instanceof TomlTableArray array) {
            array.leave();
        }
        open = null;
    }
}
