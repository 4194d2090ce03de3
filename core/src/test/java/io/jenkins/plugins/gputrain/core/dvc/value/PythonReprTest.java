package io.jenkins.plugins.gputrain.core.dvc.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonReprTest {
    @Test
    void listsAsDvcPrintsThem() {
        assertThat(Value.Seq.list(List.of(new Value.Str("bar"), new Value.Str("baz")))
                        .str())
                .isEqualTo("['bar', 'baz']");
        assertThat(Value.Seq.list(List.of(Value.Int.of(1), Value.Int.of(2))).str())
                .isEqualTo("[1, 2]");
        Map<String, Value> layer = new LinkedHashMap<>();
        layer.put("units", Value.Int.of(64));
        layer.put("act", new Value.Str("relu"));
        assertThat(Value.Seq.list(List.of(new Value.Dict(layer))).str()).isEqualTo("[{'units': 64, 'act': 'relu'}]");
        assertThat(Value.Seq.list(List.of(new Value.Bool(true), Value.None.NONE, new Value.Float(1.5)))
                        .str())
                .isEqualTo("[True, None, 1.5]");
    }

    @Test
    void stringQuotingAndEscapes() {
        assertThat(PythonRepr.string("it's")).isEqualTo("\"it's\"");
        assertThat(PythonRepr.string("say \"hi\"")).isEqualTo("'say \"hi\"'");
        assertThat(PythonRepr.string("both ' and \"")).isEqualTo("'both \\' and \"'");
        assertThat(PythonRepr.string("a\nb\tc\\")).isEqualTo("'a\\nb\\tc\\\\'");
        assertThat(PythonRepr.string("\u0001é€")).isEqualTo("'\\x01é€'");
    }

    @Test
    void tuples() {
        assertThat(new Value.Seq(List.of(Value.Int.of(1), Value.Int.of(2)), Value.Seq.Kind.TUPLE).str())
                .isEqualTo("(1, 2)");
        assertThat(new Value.Seq(List.of(Value.Int.of(1)), Value.Seq.Kind.TUPLE).str())
                .isEqualTo("(1,)");
        assertThat(new Value.Seq(List.of(), Value.Seq.Kind.TUPLE).str()).isEqualTo("()");
    }
}
