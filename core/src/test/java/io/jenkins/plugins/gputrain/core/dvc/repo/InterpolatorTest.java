package io.jenkins.plugins.gputrain.core.dvc.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** DVC's {@code ${…}} templating, with what DVC 3.67.1 resolves each case to ({@code DataResolver.resolve}). */
class InterpolatorTest {
    private static final Value.Dict CONTEXT = new Value.Dict(Map.of(
            "a",
            Value.Int.of(1),
            "b",
            new Value.Bool(true),
            "n",
            Value.None.NONE,
            "e",
            new Value.Str("\\${a}"),
            "l",
            Value.Seq.list(List.of(Value.Int.of(5), Value.Int.of(6), Value.Int.of(7))),
            "d",
            new Value.Dict(Map.of("a", new Value.Str("x"), "b", Value.Int.of(2)))));

    @Test
    void onlyOneExpressionThatIsTheWholeStringKeepsItsType() {
        assertThat(resolve("${b}")).isEqualTo(new Value.Bool(true));
        assertThat(resolve("${a}${b}")).isEqualTo(new Value.Str("1true"));
        assertThat(resolve("${a}-${b}")).isEqualTo(new Value.Str("1-true"));
        assertThat(resolve("x${a}")).isEqualTo(new Value.Str("x1"));
        assertThat(resolve("${n}${n}")).isEqualTo(new Value.Str("NoneNone"));
    }

    @Test
    void anEscapedExpressionStaysLiteralItsBackslashDroppedInValuesToo() {
        assertThat(resolve("\\${a}")).isEqualTo(new Value.Str("${a}"));
        assertThat(resolve("\\${a}${a}")).isEqualTo(new Value.Str("${a}1"));
        assertThat(resolve("${e}${a}")).isEqualTo(new Value.Str("${a}1"));
        assertThat(resolve("${e}")).isEqualTo(new Value.Str("\\${a}"));
        assertThat(Interpolator.interpolates(new Value.Str("\\${a}"))).isFalse();
    }

    @Test
    void namesAreLookedUpAsDvcsContextReadsThemAndToldByTheirOwnPath() {
        Map<String, Value> looked = new LinkedHashMap<>();
        Value resolved = Interpolator.resolve(
                new Value.Str("${l[-1]} ${d[a]} ${d. b} ${l[01]} ${ l [ 0 ] } ${l.+1} ${l[١]}"),
                CONTEXT,
                "cmd",
                looked::put);

        assertThat(resolved).isEqualTo(new Value.Str("7 x 2 6 5 6 6"));
        assertThat(looked).containsOnlyKeys("l.2", "d.a", "d.b", "l.1", "l.0");
    }

    @Test
    void aMissingOrHugeIndexIsNotFoundNamedAsDvcJoinsTheWords() {
        assertThatThrownBy(() -> resolve("${l[5]}")).hasMessage("Could not find 'l.5'");
        assertThatThrownBy(() -> resolve("${l[-4]}")).hasMessage("Could not find 'l.-4'");
        assertThatThrownBy(() -> resolve("${l[99999999999999999999]}"))
                .hasMessage("Could not find 'l.99999999999999999999'");
        assertThatThrownBy(() -> resolve("${l[1_0]}")).hasMessage("Could not find 'l.1_0'");
        assertThatThrownBy(() -> resolve("${ l [ 9 ] }")).hasMessage("Could not find ' l . 9 '");
        assertThatThrownBy(() -> resolve("${d. z}")).hasMessage("Could not find 'd. z'");
        assertThatThrownBy(() -> resolve("${a.b}")).hasMessage("Could not find 'a.b'");
        assertThatThrownBy(() -> resolve("${ }")).hasMessage("Could not find ' '");
    }

    @Test
    void aNameThatIsNotAPathIsDvcsParseError() {
        assertThatThrownBy(() -> resolve("${d..a}"))
                .hasMessage("${d..a}\n   ^\nParseException: Expected end of text, found '.'  (at char 3),"
                        + " (line:1, col:4)");
        assertThatThrownBy(() -> resolve("${}"))
                .hasMessage("${}\n  ^\nParseException: Expected !W:(.[]), found '}'  (at char 2), (line:1, col:3)");
        assertThatThrownBy(() -> resolve("${l[}"))
                .hasMessage("${l[}\n   ^\nParseException: Expected end of text, found '['  (at char 3),"
                        + " (line:1, col:4)");
        assertThatThrownBy(() -> resolve("${d[a]bcd}"))
                .hasMessage("${d[a]bcd}\n      ^\nParseException: Expected end of text, found 'bcd'  (at char 6),"
                        + " (line:1, col:7)");
    }

    @Test
    void foreachDataTellsWhereItsValuesOfTheVariablesStand() {
        Interpolator.Sourced whole = Interpolator.resolveSourced(new Value.Str("${l}"), CONTEXT);
        Interpolator.Sourced items = Interpolator.resolveSourced(
                Value.Seq.list(List.of(new Value.Str("${l[-1]}"), Value.Int.of(3), new Value.Str("x${a}"))), CONTEXT);

        assertThat(whole.sources()).containsExactlyEntriesOf(Map.of("", "l"));
        assertThat(items.sources()).containsExactlyEntriesOf(Map.of("0", "l.2"));
    }

    /**
     * A string of literal text, {@code ${name}} and {@code \${name}}: the typed value when it is one expression and
     * nothing else, otherwise the text with each expression's {@code to_str} and each escape without its backslash.
     */
    @Property
    void exactStringsKeepTheTypeOthersAreText(@ForAll("templates") List<Segment> segments) {
        String template = segments.stream().map(Segment::written).reduce("", String::concat);
        List<Segment> written =
                segments.stream().filter(s -> !s.written().isEmpty()).toList();

        Value resolved = resolve(template);

        if (written.size() == 1 && written.get(0).kind() == Kind.EXPRESSION) {
            assertThat(resolved)
                    .isEqualTo(ContextPath.parse(written.get(0).text())
                            .select(CONTEXT)
                            .value());
        } else {
            String expected = segments.stream().map(Segment::expected).reduce("", String::concat);
            assertThat(resolved).isEqualTo(new Value.Str(expected));
        }
        assertThat(Interpolator.interpolates(new Value.Str(template)))
                .isEqualTo(segments.stream().anyMatch(s -> s.kind() == Kind.EXPRESSION));
    }

    @Provide
    Arbitrary<List<Segment>> templates() {
        Arbitrary<String> names = Arbitraries.of("a", "b", "n", "d.a", "l[1]");
        Arbitrary<Segment> literal = Arbitraries.strings()
                .withChars("xy -_.{}[]$")
                .ofMaxLength(4)
                .filter(text -> !text.contains("${") && !text.endsWith("$"))
                .map(text -> new Segment(Kind.LITERAL, text));
        Arbitrary<Segment> expression = names.map(name -> new Segment(Kind.EXPRESSION, name));
        Arbitrary<Segment> escape = names.map(name -> new Segment(Kind.ESCAPE, name));
        return Combinators.combine(
                        Arbitraries.oneOf(literal, expression, escape).list().ofMaxSize(5), literal)
                .as((list, tail) -> {
                    List<Segment> all = new ArrayList<>(list);
                    all.add(tail);
                    return all;
                });
    }

    private enum Kind {
        LITERAL,
        EXPRESSION,
        ESCAPE
    }

    /** A piece of a template: literal text, an expression or an escaped expression, by the name it holds. */
    private record Segment(Kind kind, String text) {
        String written() {
            return switch (kind) {
                case LITERAL -> text;
                case EXPRESSION -> "${" + text + "}";
                case ESCAPE -> "\\${" + text + "}";
            };
        }

        String expected() {
            return switch (kind) {
                case LITERAL -> text;
                case EXPRESSION ->
                    Interpolator.toStr(ContextPath.parse(text).select(CONTEXT).value());
                case ESCAPE -> "${" + text + "}";
            };
        }
    }

    private static Value resolve(String template) {
        return Interpolator.resolve(new Value.Str(template), CONTEXT);
    }
}
