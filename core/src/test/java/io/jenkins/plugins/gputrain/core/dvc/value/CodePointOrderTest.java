package io.jenkins.plugins.gputrain.core.dvc.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
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

    /** Long shared prefixes, pairs and lone surrogates next to BMP characters above them: where UTF-16 order differs. */
    @Property(tries = 2000)
    void ordersStringsOfSurrogatesAndBmpCharactersAsTheCodePointSequencesDo(
            @ForAll @Chars({'a', 'z', '\ud83d', '\ude00', '\udbff', '\uff41', '\ue000'}) String a,
            @ForAll @Chars({'a', 'z', '\ud83d', '\ude00', '\udbff', '\uff41', '\ue000'}) String b) {
        int expected = Integer.signum(
                Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));

        assertThat(Integer.signum(CodePointOrder.INSTANCE.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(CodePointOrder.INSTANCE.compare("prefix" + a, "prefix" + b)))
                .isEqualTo(expected);
    }

    @Property(tries = 500)
    void sortsAsTheComparatorDoesWithAndWithoutSurrogates(
            @ForAll Set<@Chars({'a', 'z', '.', '\ud83d', '\ude00', '\uff41', '\ue000'}) String> withSurrogates,
            @ForAll Set<@Chars({'a', 'z', '.', '0', '9', '\uff41', '\ue000'}) String> without) {
        for (Set<String> strings : List.of(withSurrogates, without)) {
            TreeSet<String> expected = new TreeSet<>(CodePointOrder.INSTANCE);
            expected.addAll(strings);

            assertThat(CodePointOrder.sorted(strings)).containsExactlyElementsOf(expected);
        }
    }
}
