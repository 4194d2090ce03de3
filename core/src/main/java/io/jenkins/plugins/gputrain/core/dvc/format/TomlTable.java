package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    private final TomlLevel level;

    private boolean defined;
    /** Around the rows: the child entered last, the only one not left behind. */
    private Object open;

    TomlTable(TomlLevel level) {
        this.level = level;
    }

    /** The depth of this table, the top-level table's 1. */
    int depth() {
        return level.depth();
    }

    /** Whether this table keeps its values (a row, a table in one, an inline table). */
    boolean keepsValues() {
        return level.inRow();
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

    /** The table a part of a key before its last enters: a table, or an array of tables' last table. */
    private TomlTable child(String key) {
        if (entries.get(key) instanceof TomlTableArray array) {
            reenter(array);
            return array.last();
        }
        return enterChild(key, TomlTable.class, () -> new TomlTable(level.below()));
    }

    /**
     * The table a {@code [key]} header names, created when missing.
     *
     * @param key the header's last part
     */
    TomlTable table(String key) {
        TomlTable table = enterChild(key, TomlTable.class, () -> new TomlTable(level.below()));
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
        return enterChild(key, TomlTableArray.class, () -> new TomlTableArray(level.below()))
                .add();
    }

    /**
     * The child of a kind a key names, created when missing; a value or a child of another kind there is the whole
     * read's to refuse.
     */
    private <T> T enterChild(String key, Class<T> kind, Supplier<T> create) {
        Object child = entries.get(key);
        if (child == null) {
            T created = create.get();
            add(key, created);
            return created;
        }
        if (!kind.isInstance(child)) {
            throw new DataFileReader.ReadWholeException();
        }
        reenter(child);
        return kind.cast(child);
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
        level.bounds().entries(entries.size());
    }

    /**
     * Adds a key to a table around the rows, after {@link #expectValue} and its value's lists.
     *
     * @param key the key's last part
     */
    void putKey(String key) {
        entries.put(key, NOT_KEPT);
        level.bounds().entries(entries.size());
    }

    /** The table as a whole read has it (of a table that keeps its values). */
    Value.Dict value() {
        return new Value.Dict(values());
    }

    /** The table's entries as a whole read has them, in a new map (of a table that keeps its values). */
    Map<String, Value> values() {
        Map<String, Value> values = new LinkedHashMap<>();
        entries.forEach((key, child) -> values.put(key, value(child)));
        return values;
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
        level.bounds().entries(entries.size());
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
