package io.jenkins.plugins.gputrain.core.dvc.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    @Test
    void tablesPadWideCellsAsTabulateDoes() {
        // dvc metrics diff --md (tabulate with wcwidth) pads '日本' as four columns
        Table table = new Table(List.of("Metric", "new"), List.of(List.of("日本", "1"), List.of("loss", "2")));
        assertThat(TableFormat.MARKDOWN.render(table))
                .isEqualTo("| Metric   | new   |\n|----------|-------|\n| 日本     | 1     |\n| loss     | 2     |\n\n");
    }
}
