package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.List;

/**
 * Streams a TOML file's lists as {@link DataFileReader#streamLists} streams JSON's: every list that is a table's
 * value, depth first in the order of a whole read, each handed over one item at a time, without the file's text or
 * tree in memory: an array of tables ({@code [[rows]]}) a table at a time, an inline array ({@code rows = [{…},
 * …]}) an item at a time. The tables around the rows are kept by their keys only. The file is read line by line:
 * headers, key-value pairs, comments, blank lines. What {@link TomlText} or {@link TomlTable} do not read as the whole
 * read does (a multi-line string, a table entered again after a later one, a file beyond the depth limit, any error)
 * makes the file one to read whole, which then decides.
 */
final class TomlListStream {
    private final TomlText text;
    private final TomlBounds bounds;
    private final DataFileReader.DataLists lists;

    /**
     * A stream of one file.
     *
     * @param content the file's bytes, checked to be UTF-8 text
     * @param limits the limits it is read within
     * @param lists what receives its lists
     */
    TomlListStream(byte[] content, ReadLimits limits, DataFileReader.DataLists lists) {
        this.bounds = new TomlBounds(limits);
        this.text = new TomlText(content, bounds);
        this.lists = lists;
    }

    /**
     * Reads the file to its end, handing on the lists.
     *
     * @throws LimitExceededException when a table or list has more entries than the limit
     * @throws DataFileReader.ReadWholeException when only the whole read reads it as DVC does
     */
    void stream() {
        TomlTable root = new TomlTable(TomlLevel.top(bounds, lists));
        TomlTable current = root;
        while (true) {
            text.skipSpaces();
            if (text.atEnd()) {
                break;
            }
            if (text.peek() == '#') {
                text.comment();
            } else if (!text.newline()) {
                if (text.peek() == '[') {
                    current = header(root);
                } else {
                    keyValue(current);
                }
                text.endOfLine();
            }
        }
        root.leave();
        bounds.end();
    }

    /** A {@code [table]} or {@code [[array of tables]]} header: the table it begins. */
    private TomlTable header(TomlTable root) {
        text.expect('[');
        boolean array = text.peek() == '[';
        if (array) {
            text.expect('[');
        }
        text.skipSpaces();
        List<String> key = text.key();
        text.expect(']');
        if (array) {
            text.expect(']');
        }
        TomlTable parent = root.enter(key, true);
        String last = key.get(key.size() - 1);
        return array ? parent.arrayTable(last) : parent.table(last);
    }

    /** A {@code key = value} line of a table: kept in a row, its lists handed on around the rows. */
    private void keyValue(TomlTable table) {
        List<String> key = text.key();
        text.expect('=');
        text.skipSpaces();
        String last = key.get(key.size() - 1);
        TomlTable target = table.enter(key, false);
        target.expectValue(last);
        int depth = target.depth() + 1;
        if (target.keepsValues()) {
            target.put(last, text.value(depth));
            return;
        }
        if (text.peek() == '[') {
            lists.start();
            lists.end(text.array(depth, lists::item));
        } else if (text.value(depth) instanceof Value.Dict inline) {
            walk(inline);
        }
        target.putKey(last);
    }

    /** The lists of an inline table around the rows, in the order a whole read walks them. */
    private void walk(Value.Dict table) {
        for (Value value : table.entries().values()) {
            if (value instanceof Value.Dict inner) {
                walk(inner);
            } else if (value instanceof Value.Seq list) {
                lists.start();
                list.items().forEach(lists::item);
                lists.end(list.items().size());
            }
        }
    }
}
