package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** The state exec's line: each of its five forms read back, anything else not a state. */
class CommandStateTest {
    @Property
    void anEndedLineGivesItsCodeAndSize(
            @ForAll @IntRange(min = 0, max = 255) int code, @ForAll @LongRange(min = 0) long size) {
        assertThat(CommandState.parse("ended " + code + " " + size + "\n"))
                .contains(new CommandState(CommandState.Kind.ENDED, code, size));
    }

    @Property
    void aStartingRunningOrGoneLineGivesItsSize(
            @ForAll @LongRange(min = 0) long size, @ForAll("sized") CommandState.Kind kind) {
        assertThat(CommandState.parse(kind.name().toLowerCase(Locale.ROOT) + " " + size))
                .contains(new CommandState(kind, -1, size));
    }

    @Provide
    Arbitrary<CommandState.Kind> sized() {
        return Arbitraries.of(CommandState.Kind.STARTING, CommandState.Kind.RUNNING, CommandState.Kind.GONE);
    }

    @Example
    void missingIsMissing() {
        assertThat(CommandState.parse("missing\n")).contains(new CommandState(CommandState.Kind.MISSING, -1, 0));
    }

    @Property
    void anyOtherWordIsNoState(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String word) {
        assertThat(CommandState.parse(word + " 5").isPresent())
                .isEqualTo(word.equals("starting") || word.equals("running") || word.equals("gone"));
        assertThat(CommandState.parse(word).isPresent()).isEqualTo(word.equals("missing"));
        assertThat(CommandState.parse(word + " 5 6").isPresent()).isEqualTo(word.equals("ended"));
    }

    @Example
    void anExitCodeAbove255ASizeBeyondALongOrAWordMoreIsNoState() {
        assertThat(CommandState.parse("ended 256 3")).isEmpty();
        assertThat(CommandState.parse("ended 3")).isEmpty();
        assertThat(CommandState.parse("running 3 4")).isEmpty();
        assertThat(CommandState.parse("sh: stat: not found\nrunning 3")).isEmpty();
        assertThat(CommandState.parse("")).isEmpty();
        assertThat(CommandState.parse("running 9223372036854775808"))
                .as("beyond a long")
                .isEmpty();
        assertThat(CommandState.parse("gone 9223372036854775807")).isPresent();
    }
}
