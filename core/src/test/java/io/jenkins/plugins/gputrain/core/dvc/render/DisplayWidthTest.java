package io.jenkins.plugins.gputrain.core.dvc.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

class DisplayWidthTest {
    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(DisplayWidth.of("acc")).isEqualTo(3);
        assertThat(DisplayWidth.of("ünï")).isEqualTo(3);
        assertThat(DisplayWidth.of("日本")).isEqualTo(4);
        assertThat(DisplayWidth.of("u\u0308")).isEqualTo(1);
        assertThat(DisplayWidth.of("ｆ")).isEqualTo(2);
    }

    @Test
    void sequencesAndSingleCharactersAsWcwidth094MeasuresThem() {
        assertThat(DisplayWidth.of("\u093e")).isZero();
        assertThat(DisplayWidth.of("\u0915\u093e")).isEqualTo(2);
        assertThat(DisplayWidth.of("\ud83d\udc4d\ud83c\udffd")).isEqualTo(2);
        assertThat(DisplayWidth.of("\ud83d\udc68\u200d\ud83d\udc69")).isEqualTo(2);
        assertThat(DisplayWidth.of("\ud83c\udde9\ud83c\uddea\ud83c\udde9")).isEqualTo(4);
        assertThat(DisplayWidth.of("a\u200d")).isEqualTo(1);
        assertThat(DisplayWidth.of("a\u00ad")).isEqualTo(2);
        assertThat(DisplayWidth.of("\u1100\u1161\u11a8")).isEqualTo(2);
        assertThat(DisplayWidth.of("\u0600")).isEqualTo(1);
        assertThat(DisplayWidth.of("a\u0007")).isEqualTo(-1);
        assertThat(DisplayWidth.of("\u0000")).isZero();
    }

    /** ASCII as wcswidth measures it: a control character (U+0001–U+001F, U+007F) makes -1, NUL none, the rest one. */
    @Property(tries = 2000)
    void asciiTakesOneColumnPerPrintableCharacter(@ForAll @CharRange(from = '\u0000', to = '\u007f') String text) {
        int expected = text.chars().anyMatch(c -> c > 0 && c < 0x20 || c == 0x7F)
                ? -1
                : (int) text.chars().filter(c -> c != 0).count();

        assertThat(DisplayWidth.of(text)).isEqualTo(expected);
        assertThat(DisplayWidth.of(text + "\u0308")).isEqualTo(expected);
    }

    @Test
    void tablesPadWideCellsAsTabulateDoes() {
        // dvc metrics diff --md (tabulate with wcwidth) pads '日本' as four columns
        Table table = new Table(List.of("Metric", "new"), List.of(List.of("日本", "1"), List.of("loss", "2")));
        assertThat(TableFormat.MARKDOWN.render(table))
                .isEqualTo("| Metric   | new   |\n|----------|-------|\n| 日本     | 1     |\n| loss     | 2     |\n\n");
    }
}
