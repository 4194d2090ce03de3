package io.jenkins.plugins.gputrain.core.dvc.render;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** Markdown cells escaped so that GitHub keeps the row whole and shows the text as it is. */
class MarkdownCellTest {
    @Test
    void aPipeIsEscapedAndTheBackslashesBeforeItDoubled() {
        assertThat(TableFormat.markdownCell("a|b")).isEqualTo("a\\|b");
        assertThat(TableFormat.markdownCell("a\\|b")).isEqualTo("a\\\\\\|b");
        assertThat(TableFormat.markdownCell("a\\\\|b")).isEqualTo("a\\\\\\\\\\|b");
        assertThat(TableFormat.markdownCell("C:\\dir\\")).isEqualTo("C:\\dir\\");
        assertThat(TableFormat.markdownCell("|\\")).isEqualTo("\\|\\");
    }

    @Property(tries = 2000)
    void everyEscapedCellIsOneGitHubCellWithItsTextBack(@ForAll @Chars({'a', '|', '\\', ' '}) String text) {
        String cell = TableFormat.markdownCell(text);

        assertThat(TableFormat.unescapeMarkdownCell(cell)).isEqualTo(text);
        assertThat(boundaries(cell)).as(cell).isZero();
    }

    /** The pipes GitHub splits a row at: those after an even number of backslashes. */
    private static int boundaries(String cell) {
        int count = 0;
        int backslashes = 0;
        for (char c : cell.toCharArray()) {
            if (c == '|' && backslashes % 2 == 0) {
                count++;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return count;
    }
}
