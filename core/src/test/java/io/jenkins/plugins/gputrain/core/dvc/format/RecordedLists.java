package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The lists a stream hands on, each checked against the size the stream reports at its end, and the lists a whole
 * read's value holds where the stream looks, to compare them with.
 */
final class RecordedLists implements DataFileReader.DataLists {
    private final List<List<Value>> lists = new ArrayList<>();

    /** The lists handed on so far, in order. */
    List<List<Value>> lists() {
        return lists;
    }

    @Override
    public void start() {
        lists.add(new ArrayList<>());
    }

    @Override
    public void item(Value item) {
        lists.get(lists.size() - 1).add(item);
    }

    @Override
    public void end(int size) {
        assertThat(lists.get(lists.size() - 1)).hasSize(size);
    }

    /** The lists a whole read's value holds where the stream looks: at the top or as a mapping's value, depth first. */
    static List<List<Value>> inWholeRead(Value value) {
        List<List<Value>> lists = new ArrayList<>();
        collect(value, lists);
        return lists;
    }

    private static void collect(Value value, List<List<Value>> lists) {
        if (value instanceof Value.Seq seq) {
            lists.add(seq.items());
        } else if (value instanceof Value.Dict dict) {
            dict.entries().values().forEach(child -> collect(child, lists));
        }
    }
}
