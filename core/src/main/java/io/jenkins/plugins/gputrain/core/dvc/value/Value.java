package io.jenkins.plugins.gputrain.core.dvc.value;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from a metrics, params or plot file, with the distinctions Python makes, because DVC's output depends
 * on them: {@code 1} and {@code 1.0} print differently but compare equal, {@code True} is a number, lists print as
 * Python {@code repr}.
 */
public sealed interface Value {
    /** Python {@code str()} of the value, as DVC prints cells. */
    String str();

    /** Python {@code None}, JSON/YAML {@code null}. */
    record None() implements Value {
        /** The one instance. */
        public static final None NONE = new None();

        @Override
        public String str() {
            return "None";
        }
    }

    /** A Python {@code bool}; a number in comparisons and differences ({@code True == 1}). */
    record Bool(boolean value) implements Value {
        @Override
        public String str() {
            return value ? "True" : "False";
        }
    }

    /** A Python {@code int}: arbitrary precision. */
    record Int(BigInteger value) implements Value {
        /** Creates an int from a long. */
        public static Int of(long value) {
            return new Int(BigInteger.valueOf(value));
        }

        @Override
        public String str() {
            return value.toString();
        }
    }

    /** A Python {@code float}: an IEEE double, printed as Python's {@code repr}. */
    record Float(double value) implements Value {
        @Override
        public String str() {
            return PythonFloat.repr(value);
        }
    }

    /** A Python {@code str}. */
    record Str(String value) implements Value {
        @Override
        public String str() {
            return value;
        }
    }

    /** A Python {@code list} (or, from {@code .py} params, a {@code tuple} when {@code tuple} is set). */
    record Seq(List<Value> items, boolean tuple) implements Value {
        /** Copies the items. */
        public Seq {
            items = List.copyOf(items);
        }

        /** A list. */
        public static Seq list(List<Value> items) {
            return new Seq(items, false);
        }

        @Override
        public String str() {
            return PythonRepr.repr(this);
        }
    }

    /** A Python {@code dict} with string keys, in insertion order. */
    record Dict(Map<String, Value> entries) implements Value {
        /** Copies the entries, keeping their order. */
        public Dict {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** An empty dict. */
        public static Dict empty() {
            return new Dict(Map.of());
        }

        @Override
        public String str() {
            return PythonRepr.repr(this);
        }
    }

    /** Whether Python treats the value as a number: {@code int}, {@code float} or {@code bool}. */
    default boolean isNumber() {
        return this instanceof Int || this instanceof Float || this instanceof Bool;
    }

    /** Python truthiness. */
    default boolean isTruthy() {
        if (this instanceof None) {
            return false;
        }
        if (this instanceof Bool b) {
            return b.value();
        }
        if (this instanceof Int i) {
            return i.value().signum() != 0;
        }
        if (this instanceof Float f) {
            return f.value() != 0.0;
        }
        if (this instanceof Str s) {
            return !s.value().isEmpty();
        }
        if (this instanceof Seq s) {
            return !s.items().isEmpty();
        }
        return !((Dict) this).entries().isEmpty();
    }
}
