package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The differential comparison reads gpu-train's Markdown as GitHub does, so a split row is a difference. */
class DvcComparisonTest {
    /** DVC's tabulate output for the value {@code a\|b}: as it is, which GitHub keeps as one cell. */
    private static final String DVC = "| Path   | Param   | workspace   |\n"
            + "|--------|---------|-------------|\n"
            + "| p.yaml | x       | a\\|b        |\n";

    @Test
    void rowsSplitWhereGitHubSplitsThem() {
        assertThat(DvcComparison.cells(" a\\|b | c\\\\| d ")).containsExactly(" a\\|b ", " c\\\\", " d ");
    }

    @Test
    void aCellWhoseBackslashBeforeAPipeWasNotDoubledIsADifference() {
        // a\\|b: GitHub reads an escaped backslash, then a cell boundary (the row gains a cell)
        String split = "| Path   | Param   | workspace   |\n"
                + "|--------|---------|-------------|\n"
                + "| p.yaml | x       | a\\\\|b       |\n";

        assertThat(DvcComparison.unescaped(split, DVC))
                .hasValueSatisfying(table -> assertThat(table).isNotEqualTo(DVC));
    }

    @Test
    void aCellEscapedAsGpuTrainEscapesItIsDvcsTableOnceUnescaped() {
        String escaped = "| Path   | Param   | workspace   |\n"
                + "|--------|---------|-------------|\n"
                + "| p.yaml | x       | a\\\\\\|b      |\n";

        assertThat(DvcComparison.unescaped(escaped, DVC)).hasValue(DVC);
    }
}
