package io.jenkins.plugins.gputrain.core.dvc.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage params selected as DVC's {@code read_param_file} selects them ({@code dpath.search} then {@code merge}). */
class RevisionReaderTest {
    private static final Value.Seq TUPLE = new Value.Seq(List.of(Value.Int.of(1)), Value.Seq.Kind.TUPLE);
    private static final Value.Seq SET = new Value.Seq(List.of(Value.Int.of(1)), Value.Seq.Kind.SET);

    @Test
    void dpathMergeFailsOnTheFirstNonEmptyTupleOrSetItWalksInto() {
        assertThat(RevisionReader.unmergeable(new Value.Dict(Map.of("a", new Value.Dict(Map.of("b", SET))))))
                .contains(new FileResult.Failure("TypeError", "'set' object is not subscriptable"));
        assertThat(RevisionReader.unmergeable(
                        new Value.Dict(Map.of("a", Value.Seq.list(List.of(Value.Int.of(1), TUPLE))))))
                .contains(new FileResult.Failure("AttributeError", "'tuple' object has no attribute 'extend'"));
    }

    @Test
    void keysLoseTheirLeadingDotsAndKeepATrailingEmptyPartAsDpathSplitsThem() throws Exception {
        Value params = new Value.Dict(Map.of("a", Value.Seq.list(List.of(Value.Int.of(10), Value.Int.of(20)))));

        assertThat(RevisionReader.select(params, List.of(".a"))).isEqualTo(params);
        assertThat(RevisionReader.select(params, List.of("..a"))).isEqualTo(params);
        assertThat(RevisionReader.select(params, List.of("a."))).isEqualTo(Value.Dict.empty());
        assertThat(RevisionReader.select(params, List.of("a.1."))).isEqualTo(Value.Dict.empty());
    }

    @Test
    void aKeyReachingIntoATupleOrASetFailsTheFileAsDpathSearchDoes() throws Exception {
        Value.Seq pair = new Value.Seq(List.of(Value.Int.of(1), Value.Int.of(2)), Value.Seq.Kind.TUPLE);
        Value params = new Value.Dict(Map.of(
                "X",
                pair,
                "S",
                SET,
                "D",
                new Value.Dict(Map.of("k", pair)),
                "T",
                new Value.Seq(List.of(SET), Value.Seq.Kind.TUPLE),
                "L",
                Value.Seq.list(List.of(pair))));

        for (String key : List.of("X.0", "X.-1", "X.*", "D.k.1", "L.0.1")) {
            assertThatThrownBy(() -> RevisionReader.select(params, List.of(key)))
                    .as(key)
                    .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.type())
                            .isEqualTo("TypeError"))
                    .hasMessage("'tuple' object does not support item assignment");
        }
        for (String key : List.of("S.0", "S.*", "T.0.0")) {
            assertThatThrownBy(() -> RevisionReader.select(params, List.of(key)))
                    .as(key)
                    .hasMessage("'set' object is not subscriptable");
        }
        assertThat(RevisionReader.select(params, List.of("X.5", "S.1", "T.1"))).isEqualTo(Value.Dict.empty());
        assertThat(RevisionReader.select(params, List.of("L.0")))
                .isEqualTo(new Value.Dict(Map.of("L", Value.Seq.list(List.of(pair)))));
    }

    @Test
    void emptyTuplesAndSetsListsAndBytesMerge() {
        Value empty = new Value.Dict(Map.of(
                "t", new Value.Seq(List.of(), Value.Seq.Kind.TUPLE),
                "s", new Value.Seq(List.of(), Value.Seq.Kind.SET),
                "l", Value.Seq.list(List.of(new Value.Bytes(new byte[] {1}))),
                "b", new Value.Bytes(new byte[] {'x'})));

        assertThat(RevisionReader.unmergeable(empty)).isEmpty();
    }
}
