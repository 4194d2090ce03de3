package io.jenkins.plugins.gputrain.core.dvc.value;

import java.time.LocalDate;
import java.time.LocalTime;

/** The name of a value's Python type ({@code type(x).__name__}), as DVC's messages quote it. */
public final class PythonTypes {
    private PythonTypes() {}

    /**
     * The type's name: {@code dict}, {@code list}, {@code tuple}, {@code set}, {@code str}, {@code int}, {@code
     * float}, {@code bool}, {@code NoneType}, {@code bytes}, {@code complex}, {@code ellipsis}, {@code date}, {@code
     * time} or {@code datetime}.
     *
     * @param value a value
     * @return its Python type's name
     */
    public static String name(Value value) {
        if (value instanceof Value.Seq seq) {
            return switch (seq.kind()) {
                case LIST -> "list";
                case TUPLE -> "tuple";
                case SET -> "set";
            };
        }
        if (value instanceof Value.DateTime dateTime) {
            return dateTime.value() instanceof LocalDate
                    ? "date"
                    : dateTime.value() instanceof LocalTime ? "time" : "datetime";
        }
        if (value instanceof Value.Dict) {
            return "dict";
        }
        if (value instanceof Value.Str) {
            return "str";
        }
        if (value instanceof Value.Int) {
            return "int";
        }
        if (value instanceof Value.Float) {
            return "float";
        }
        if (value instanceof Value.Bool) {
            return "bool";
        }
        if (value instanceof Value.Bytes) {
            return "bytes";
        }
        if (value instanceof Value.Complex) {
            return "complex";
        }
        return value instanceof Value.Ellipsis ? "ellipsis" : "NoneType";
    }
}
