package io.jenkins.plugins.gputrain.core.dvc.render;

/** Metrics or params: they differ in the column name, the Change column and float rounding. */
public enum DiffKind {
    /** {@code dvc metrics diff}: column {@code Metric}, a {@code Change} column, floats rounded. */
    METRICS("Metric", true, true),
    /** {@code dvc params diff}: column {@code Param}, no {@code Change} column, floats as Python prints them. */
    PARAMS("Param", false, false);

    private final String column;
    private final boolean showsChange;
    private final boolean rounds;

    DiffKind(String column, boolean showsChange, boolean rounds) {
        this.column = column;
        this.showsChange = showsChange;
        this.rounds = rounds;
    }

    /** The key column's header. */
    public String column() {
        return column;
    }

    /** Whether the table has a {@code Change} column. */
    public boolean showsChange() {
        return showsChange;
    }

    /** Whether floats are rounded to the precision. */
    public boolean rounds() {
        return rounds;
    }
}
