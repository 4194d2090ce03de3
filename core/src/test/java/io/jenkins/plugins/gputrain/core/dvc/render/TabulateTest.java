package io.jenkins.plugins.gputrain.core.dvc.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables as tabulate 0.10.0 with wcwidth 0.9.4 drew them for DVC 3.67.1 (expected texts printed by them). */
class TabulateTest {
    private static Table table(List<String> headers, List<List<String>> rows) {
        return new Table(headers, rows);
    }

    @Test
    void aCellWithLineBreaksIsAMultiLineRow() {
        Table table = table(List.of("Path", "k", "other"), List.of(List.of("a.json", "two\nlines", "x")));

        assertThat(TableFormat.PLAIN.render(table))
                .isEqualTo("Path    k      other\na.json  two    x\n        lines\n");
        assertThat(TableFormat.MARKDOWN.render(table))
                .isEqualTo("| Path   | k     | other   |\n|--------|-------|---------|\n| a.json | two   | x       |\n"
                        + "|        | lines |         |\n\n");
    }

    @Test
    void aHeaderWithALineBreakIsAMultiLineHeader() {
        Table table = table(List.of("Path", "h\nx", "o"), List.of(List.of("a.json", "1", "2")));

        assertThat(TableFormat.MARKDOWN.render(table))
                .isEqualTo(
                        "| Path   | h   | o   |\n|        | x   |     |\n|--------|-----|-----|\n| a.json | 1   | 2   |\n\n");
    }

    @Test
    void cellsAreStrippedOfPythonWhitespaceLinesInsideAreNot() {
        assertThat(TableFormat.PLAIN.render(
                        table(List.of("Path", "k", "o"), List.of(List.of("a.json", " a\n b ", "2")))))
                .isEqualTo("Path    k    o\na.json  a    2\n         b\n");
        assertThat(TableFormat.PLAIN.render(
                        table(List.of("Path", "k", "o"), List.of(List.of("a.json", "\u3000x\u00a0", "2")))))
                .isEqualTo("Path    k    o\na.json  x    2\n");
    }

    @Test
    void aControlCharacterMeasuresMinusOneAndPadsPastTheColumn() {
        Table table = table(List.of("Path", "k", "other"), List.of(List.of("a.json", "tab\tx", "x")));

        assertThat(TableFormat.PLAIN.render(table)).isEqualTo("Path    k    other\na.json  tab\tx      x\n");
        assertThat(TableFormat.MARKDOWN.render(table))
                .isEqualTo(
                        "| Path   | k   | other   |\n|--------|-----|---------|\n| a.json | tab\tx     | x       |\n\n");
    }

    @Test
    void aLineBreakOnlySplitlinesKnowsLosesItsSecondLineInMultiLineMode() {
        Table table = table(
                List.of("Path", "k", "o"), List.of(List.of("a.json", "a\u000bb", "2"), List.of("b", "c\nd", "3")));

        assertThat(TableFormat.PLAIN.render(table))
                .isEqualTo("Path    k        o\na.json  a        2\nb       c    3\n        d\n");
    }

    @Test
    void ansiColourCodesTakeNoWidth() {
        Table table = table(List.of("Path", "k", "other"), List.of(List.of("a.json", "esc\u001b[31mred", "x")));

        assertThat(TableFormat.PLAIN.render(table)).isEqualTo("Path    k       other\na.json  esc\u001b[31mred  x\n");
    }
}
