package io.jenkins.plugins.gputrain.core.dvc.value;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /**
     * A Python {@code str}. Its {@code equals} and {@code hashCode} are written out, as a record's would be: the
     * generated ones link an {@code ObjectMethods} bootstrap the first time they run, a cost at every CLI start-up
     * (a key of every file read), which the class data archive cannot hold.
     */
    record Str(String value) implements Value {
        @Override
        public String str() {
            return value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Str str && Objects.equals(value, str.value);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value);
        }
    }

    /**
     * A Python {@code bytes} from a {@code .py} params file ({@code b"…"}, {@code rb"…"}): printed as its
     * {@code repr()} ({@code b'raw\\n'}) in tables and, where DVC's {@code json.dumps} fails on it, in {@code --json}.
     */
    record Bytes(byte[] octets) implements Value {
        /** Copies the octets. */
        public Bytes {
            octets = octets.clone();
        }

        @Override
        public byte[] octets() {
            return octets.clone();
        }

        @Override
        public String str() {
            return PythonRepr.bytes(octets);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(octets, that.octets);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return str();
        }
    }

    /**
     * A Python {@code complex} from a {@code .py} params file ({@code 1j}, {@code 1+2j}, {@code -1j}): printed as its
     * {@code repr()} ({@code (1+2j)}, {@code (-0-1j)}); where DVC's {@code json.dumps} fails on it, so in {@code --json}.
     */
    record Complex(double real, double imag) implements Value {
        @Override
        public String str() {
            return PythonFloat.complexRepr(real, imag);
        }

        /** Python {@code ==}: by the parts' values ({@code 0.0 == -0.0}, NaN equal to nothing). */
        public boolean pythonEquals(Complex other) {
            return real == other.real && imag == other.imag;
        }
    }

    /** Python's {@code Ellipsis} ({@code ...}) from a {@code .py} params file, a constant as {@code None} is. */
    record Ellipsis() implements Value {
        /** The one instance. */
        public static final Ellipsis ELLIPSIS = new Ellipsis();

        @Override
        public String str() {
            return "Ellipsis";
        }
    }

    /**
     * A TOML date, time or date-time as tomlkit gives it, or a YAML timestamp as ruamel.yaml gives it: a Python {@code
     * datetime.date}, {@code datetime.time} or {@code datetime.datetime}. Not a metric (DVC leaves it out of metrics);
     * in params tables its {@code str()}.
     *
     * @param value a {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime} or {@link OffsetDateTime}
     * @param zoneName the name of an offset's {@code datetime.timezone} as ruamel.yaml gives it (the offset as written:
     *     {@code Z}, {@code -5}), or {@code null} for tomlkit's ({@code UTC} for a zero offset, else {@code +HH:MM})
     */
    record DateTime(Temporal value, String zoneName) implements Value {
        /** Checks the type. */
        public DateTime {
            if (!(value instanceof LocalDate
                    || value instanceof LocalTime
                    || value instanceof LocalDateTime
                    || value instanceof OffsetDateTime)) {
                throw new IllegalArgumentException("not a date or time: " + value);
            }
        }

        /** A TOML date or time, its timezone named as tomlkit names it. */
        public DateTime(Temporal value) {
            this(value, null);
        }

        @Override
        public String str() {
            return PythonDateTime.str(value);
        }

        /** Python {@code repr()}, as inside a list. */
        public String repr() {
            return PythonDateTime.repr(value, zoneName);
        }

        /** Python {@code ==}: date-times with offsets by their instant, others by their fields. */
        public boolean pythonEquals(DateTime other) {
            if (value instanceof OffsetDateTime a && other.value instanceof OffsetDateTime b) {
                return a.isEqual(b);
            }
            return value.equals(other.value);
        }
    }

    /**
     * A Python {@code list}, or, from {@code .py} params, a {@code tuple} or {@code set}.
     *
     * @param items the items; of a set without repeats, in the order written
     * @param kind which of the three
     */
    record Seq(List<Value> items, Kind kind) implements Value {
        /** Python's sequence types that params files can hold. */
        public enum Kind {
            /** {@code [1, 2]}. */
            LIST,
            /** {@code (1, 2)}. */
            TUPLE,
            /** {@code {1, 2}}. */
            SET
        }

        /** Copies the items. */
        public Seq {
            items = List.copyOf(items);
        }

        /** A list. */
        public static Seq list(List<Value> items) {
            return new Seq(items, Kind.LIST);
        }

        @Override
        public String str() {
            return PythonRepr.repr(this);
        }
    }

    /**
     * A Python {@code dict}, in insertion order, keyed by each key's text ({@code str()}); the keys that are not
     * strings in Python (YAML's {@code 1:}, {@code 1.5:}, {@code true:}, {@code null:}) are kept too, as DVC's output
     * depends on them ({@code --json} writes {@code true}, rows sort numerically, {@code 1} and {@code True} are one
     * key across revisions).
     *
     * @param entries the entries by their keys' text
     * @param keys the keys that are not strings, by their text
     */
    record Dict(Map<String, Value> entries, Map<String, Value> keys) implements Value {
        /** Copies the entries, keeping their order, and the keys of them that are not strings. */
        public Dict {
            Map<String, Value> copy = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            Map<String, Value> typed = new LinkedHashMap<>();
            keys.forEach((text, key) -> {
                if (!(key instanceof Str) && copy.containsKey(text)) {
                    typed.put(text, key);
                }
            });
            entries = copy;
            keys = Collections.unmodifiableMap(typed);
        }

        /** A dict with string keys. */
        public Dict(Map<String, Value> entries) {
            this(entries, Map.of());
        }

        /** An empty dict. */
        public static Dict empty() {
            return new Dict(Map.of());
        }

        /** The key of an entry as Python holds it: a {@link Str} unless it is one of {@link #keys()}. */
        public Value key(String text) {
            Value key = keys.get(text);
            return key == null ? new Str(text) : key;
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
        if (this instanceof DateTime || this instanceof Ellipsis) {
            return true;
        }
        if (this instanceof Complex c) {
            return c.real != 0.0 || c.imag != 0.0;
        }
        if (this instanceof Bytes b) {
            return b.octets.length != 0;
        }
        return !((Dict) this).entries().isEmpty();
    }
}
