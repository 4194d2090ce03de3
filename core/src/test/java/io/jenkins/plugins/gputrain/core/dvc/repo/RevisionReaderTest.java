package io.jenkins.plugins.gputrain.core.dvc.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
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
    void keysLoseTheirLeadingDotsAndKeepATrailingEmptyPartAsDpathSplitsThem() {
        Value params = new Value.Dict(Map.of("a", Value.Seq.list(List.of(Value.Int.of(10), Value.Int.of(20)))));

        assertThat(RevisionReader.select(params, List.of(".a"))).isEqualTo(params);
        assertThat(RevisionReader.select(params, List.of("..a"))).isEqualTo(params);
        assertThat(RevisionReader.select(params, List.of("a."))).isEqualTo(Value.Dict.empty());
        assertThat(RevisionReader.select(params, List.of("a.1."))).isEqualTo(Value.Dict.empty());
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
