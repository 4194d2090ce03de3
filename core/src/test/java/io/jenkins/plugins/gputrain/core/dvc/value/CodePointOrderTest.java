package io.jenkins.plugins.gputrain.core.dvc.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CodePointOrderTest {
    @Test
    void anAstralCharacterSortsAfterBmpCharactersAboveTheSurrogates() {
        List<String> keys = Stream.of("\ud83d\ude00", "\uff41", "z", "\uff41\ud83d\ude00", "")
                .sorted(CodePointOrder.INSTANCE)
                .toList();

        // Python 3.11: sorted(["😀", "ａ", "z", "ａ😀", ""]) == ["", "z", "ａ", "ａ😀", "😀"]
        assertThat(keys).containsExactly("", "z", "\uff41", "\uff41\ud83d\ude00", "\ud83d\ude00");
    }

    @Property(tries = 2000)
    void ordersAsTheCodePointSequencesDo(@ForAll String a, @ForAll String b) {
        int expected = Integer.signum(
                Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));

        assertThat(Integer.signum(CodePointOrder.INSTANCE.compare(a, b))).isEqualTo(expected);
    }
}
