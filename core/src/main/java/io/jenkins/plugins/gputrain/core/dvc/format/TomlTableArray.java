package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A TOML array of tables ({@code [[name]]}) being streamed. In a row it keeps its tables; around the rows it is one
 * of the lists a whole read walks, each table handed on as an item once the next one begins or the array is left
 * behind, so only the last table is in memory.
 */
final class TomlTableArray {
    private final int depth;
    private final TomlBounds bounds;
    /** Where the tables go, around the rows; {@code null} in a row. */
    private final DataFileReader.DataLists lists;

    private final List<TomlTable> tables = new ArrayList<>();
    private TomlTable last;
    private int size;

    TomlTableArray(int depth, TomlBounds bounds, DataFileReader.DataLists lists) {
        bounds.depth(depth);
        this.depth = depth;
        this.bounds = bounds;
        this.lists = lists;
    }

    /** Around the rows: begins the list, once the lists before it have ended. */
    void begin() {
        if (lists != null) {
            lists.start();
        }
    }

    /** A new last table; around the rows the one before it is handed on. */
    TomlTable add() {
        TomlTable table = new TomlTable(depth + 1, bounds, null);
        if (lists == null) {
            tables.add(table);
        } else if (last != null) {
            lists.item(last.value());
        }
        last = table;
        bounds.entries(++size);
        return table;
    }

    /** The last table, which dotted keys and headers through the array enter. */
    TomlTable last() {
        return last;
    }

    /** Around the rows: hands on the last table and ends the list. */
    void leave() {
        if (lists != null) {
            if (last != null) {
                lists.item(last.value());
                last = null;
            }
            lists.end(size);
        }
    }

    /** The array as a whole read has it (in a row). */
    Value.Seq value() {
        return Value.Seq.list(tables.stream().<Value>map(TomlTable::value).toList());
    }
}
