package io.jenkins.plugins.gputrain.core.dvc.value;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * The order of DVC's rows and columns: Python's {@code sorted()} of the flattened keys. Strings compare by code point,
 * numbers ({@code int}, {@code float}, {@code bool}) by value ({@code False < True < 1.5 < 2 < 10}); where Python
 * cannot compare two keys (a number and a string, {@code None} and anything) DVC 3.67.1 crashes, and this order goes
 * on instead: numbers, then strings, then {@code None}, then other keys by their text (docs/dvc-reports.md).
 */
public final class KeyOrder implements Comparator<Value> {
    /** The one instance. */
    public static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {}

    @Override
    public int compare(Value a, Value b) {
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        if (a.isNumber()) {
            return compareNumbers(a, b);
        }
        return CodePointOrder.INSTANCE.compare(a.str(), b.str());
    }

    private static int rank(Value key) {
        if (key.isNumber()) {
            return 0;
        }
        if (key instanceof Value.Str) {
            return 1;
        }
        return key instanceof Value.None ? 2 : 3;
    }

    private static int compareNumbers(Value a, Value b) {
        double x = asDouble(a);
        double y = asDouble(b);
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.compare(x, y);
        }
        return exact(a).compareTo(exact(b));
    }

    private static double asDouble(Value number) {
        return number instanceof Value.Float f ? f.value() : exact(number).doubleValue();
    }

    private static BigDecimal exact(Value number) {
        if (number instanceof Value.Float f) {
            return new BigDecimal(f.value());
        }
        if (number instanceof Value.Bool b) {
            return b.value() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new BigDecimal(((Value.Int) number).value());
    }
}
