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
    void tablesPadWideCellsAsTabulateDoes() {
        // dvc metrics diff --md (tabulate with wcwidth) pads '日本' as four columns
        Table table = new Table(List.of("Metric", "new"), List.of(List.of("日本", "1"), List.of("loss", "2")));
        assertThat(TableFormat.MARKDOWN.render(table))
                .isEqualTo("| Metric   | new   |\n|----------|-------|\n| 日本     | 1     |\n| loss     | 2     |\n\n");
    }
}
