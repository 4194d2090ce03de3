package io.jenkins.plugins.gputrain.core.dvc.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes two mapping keys the same key in a Python {@code dict}: keys Python holds equal ({@code 1}, {@code 1.0},
 * {@code True}, {@code 1+0j}; {@code 0}, {@code -0.0}, {@code False}, {@code 0j}; date-times with offsets at the same instant; tuples of equal
 * items) share one identity, others ({@code 1} and {@code '1'}, {@code b'a'} and {@code 'a'}, a date and a date-time)
 * do not. Every NaN is one key, as ruamel.yaml's one {@code nan_value} object is.
 */
public final class PythonKey {
    private static final Object NONE = new Object();
    private static final Object NAN = new Object();

    private PythonKey() {}

    /**
     * The identity of a key.
     *
     * @param key a hashable value: a scalar, bytes, a date or time, or a tuple of such
     * @return an object equal to another key's exactly when Python holds the keys equal
     */
    public static Object of(Value key) {
        if (key instanceof Value.None) {
            return NONE;
        }
        if (key instanceof Value.Bool b) {
            return b.value() ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (key instanceof Value.Int i) {
            return i.value();
        }
        if (key instanceof Value.Float f) {
            return number(f.value());
        }
        if (key instanceof Value.Complex complex) {
            // complex(x, 0) == x; otherwise equal when both parts are (-0.0 == 0.0, NaN equals nothing)
            return complex.imag() == 0.0
                    ? number(complex.real())
                    : new Complex(part(complex.real()), part(complex.imag()));
        }
        if (key instanceof Value.DateTime dateTime) {
            return dateTime.value() instanceof OffsetDateTime aware ? new Instant(aware.toInstant()) : dateTime.value();
        }
        if (key instanceof Value.Seq seq) {
            List<Object> items = new ArrayList<>();
            seq.items().forEach(item -> items.add(of(item)));
            return items;
        }
        return key;
    }

    private static Object number(double value) {
        if (Double.isNaN(value)) {
            return NAN;
        }
        if (Double.isInfinite(value)) {
            return value;
        }
        BigDecimal exact = new BigDecimal(value);
        return exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0 ? exact.toBigIntegerExact() : value;
    }

    /** A complex number's part: NaN is no part of any other number (Python's {@code nan != nan}). */
    private static Object part(double value) {
        return Double.isNaN(value) ? new Object() : number(value);
    }

    /** A complex number's identity, not equal to a tuple's. */
    private record Complex(Object real, Object imag) {}

    /** An offset date-time's identity: its instant (naive date-times are never equal to it). */
    private record Instant(java.time.Instant value) {}
}
