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
    /** Its depth, and around the rows the lists its tables go to. */
    private final TomlLevel level;

    private final List<TomlTable> tables = new ArrayList<>();
    private TomlTable last;
    private int size;

    TomlTableArray(TomlLevel level) {
        this.level = level;
    }

    /** Around the rows: begins the list, once the lists before it have ended. */
    void begin() {
        if (!level.inRow()) {
            level.lists().start();
        }
    }

    /** A new last table; around the rows the one before it is handed on. */
    TomlTable add() {
        TomlTable table = new TomlTable(level.belowInRow());
        if (level.inRow()) {
            tables.add(table);
        } else if (last != null) {
            level.lists().mapping(last.values());
        }
        last = table;
        level.bounds().entries(++size);
        return table;
    }

    /** The last table, which dotted keys and headers through the array enter. */
    TomlTable last() {
        return last;
    }

    /** Around the rows: hands on the last table and ends the list. */
    void leave() {
        if (!level.inRow()) {
            if (last != null) {
                level.lists().mapping(last.values());
                last = null;
            }
            level.lists().end(size);
        }
    }

    /** The array as a whole read has it (in a row). */
    Value.Seq value() {
        return Value.Seq.list(tables.stream().<Value>map(TomlTable::value).toList());
    }
}
