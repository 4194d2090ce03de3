package io.jenkins.plugins.gputrain.core.dvc.format;

/**
 * Where a streamed TOML table or array of tables stands: its depth (the top-level table's 1), checked against the
 * file's bounds when it is entered, and the lists it hands on around the rows ({@code null} in a row, which keeps its
 * values).
 *
 * @param depth the depth
 * @param bounds the limits of the file
 * @param lists what receives the file's lists, or {@code null} in a row
 */
record TomlLevel(int depth, TomlBounds bounds, DataFileReader.DataLists lists) {
    /**
     * A level whose depth is within the limit.
     *
     * @throws DataFileReader.ReadWholeException when the depth is beyond the limit
     */
    TomlLevel {
        bounds.depth(depth);
    }

    /** The top-level table's. */
    static TomlLevel top(TomlBounds bounds, DataFileReader.DataLists lists) {
        return new TomlLevel(1, bounds, lists);
    }

    /** The level of a child, around the rows or in a row as this one is. */
    TomlLevel below() {
        return new TomlLevel(depth + 1, bounds, lists);
    }

    /** The level of a child in a row: a table of an array of tables. */
    TomlLevel belowInRow() {
        return new TomlLevel(depth + 1, bounds, null);
    }

    /** Whether this is in a row (or an inline table), where values are kept. */
    boolean inRow() {
        return lists == null;
    }
}
