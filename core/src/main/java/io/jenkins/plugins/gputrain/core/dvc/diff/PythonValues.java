package io.jenkins.plugins.gputrain.core.dvc.diff;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Python's {@code ==} and {@code -} on the values DVC compares. */
final class PythonValues {
    private PythonValues() {}

    /** Python {@code a == b}: numbers compare by value across int, float and bool; NaN equals nothing. */
    static boolean equal(Value a, Value b) {
        if (a.isNumber() && b.isNumber()) {
            if (a instanceof Value.Float || b instanceof Value.Float) {
                double x = asDouble(a);
                double y = asDouble(b);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return false;
                }
                if (Double.isInfinite(x) || Double.isInfinite(y)) {
                    return x == y;
                }
                return exact(a).compareTo(exact(b)) == 0;
            }
            return asInteger(a).equals(asInteger(b));
        }
        if (a instanceof Value.Complex x && b instanceof Value.Complex y) {
            return x.pythonEquals(y);
        }
        if (a instanceof Value.DateTime x && b instanceof Value.DateTime y) {
            return x.pythonEquals(y);
        }
        if (a instanceof Value.Seq x && b instanceof Value.Seq y && x.kind() == Value.Seq.Kind.SET) {
            return y.kind() == Value.Seq.Kind.SET
                    && x.items().size() == y.items().size()
                    && x.items().containsAll(y.items());
        }
        return a.equals(b);
    }

    /** Python {@code n - o} for numbers: an int when both are int or bool, else a float. */
    static Value subtract(Value n, Value o) {
        if (n instanceof Value.Float || o instanceof Value.Float) {
            return new Value.Float(asDouble(n) - asDouble(o));
        }
        return new Value.Int(asInteger(n).subtract(asInteger(o)));
    }

    private static BigDecimal exact(Value number) {
        return number instanceof Value.Float f ? new BigDecimal(f.value()) : new BigDecimal(asInteger(number));
    }

    private static BigInteger asInteger(Value number) {
        if (number instanceof Value.Bool b) {
            return b.value() ? BigInteger.ONE : BigInteger.ZERO;
        }
        return ((Value.Int) number).value();
    }

    private static double asDouble(Value number) {
        return number instanceof Value.Float f ? f.value() : asInteger(number).doubleValue();
    }
}
