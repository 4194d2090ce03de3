package io.jenkins.plugins.gputrain.core.dvc.render;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonFloat;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;

/** How DVC turns a value into a table cell. */
final class Cells {
    /** DVC's default precision ({@code --precision 0} also means this). */
    static final int DEFAULT_PRECISION = 5;

    private Cells() {}

    /**
     * The cell text: {@code -} for none, floats rounded when a precision is given, else Python {@code str()}.
     *
     * @param value the value, or {@code null} for a missing one
     * @param precision decimal places for floats, or {@code null} to print them unrounded
     */
    static String cell(Value value, Integer precision) {
        if (value == null || value instanceof Value.None) {
            return "-";
        }
        if (value instanceof Value.Float f && precision != null) {
            return PythonFloat.repr(PythonFloat.round(f.value(), precision));
        }
        return value.str();
    }

    /** The precision to use: {@code 0} or {@code null} mean the default, as in DVC. */
    static int effectivePrecision(Integer precision) {
        return precision == null || precision == 0 ? DEFAULT_PRECISION : precision;
    }
}
