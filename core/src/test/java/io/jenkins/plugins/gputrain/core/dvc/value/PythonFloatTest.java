package io.jenkins.plugins.gputrain.core.dvc.value;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {
    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
        "1.0, 1.0",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "123456789012345.0, 123456789012345.0",
        "1e16, 1e+16",
        "1.2345678901234568e17, 1.2345678901234568e+17",
        "1.5e-7, 1.5e-07",
        "0.1, 0.1",
        "0.04999999999999993, 0.04999999999999993",
        "1e20, 1e+20",
        "-2.5, -2.5",
        "1e22, 1e+22",
        "2e-308, 2e-308",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "100.0, 100.0",
        "0.3, 0.3",
        "9999999999999998.0, 9999999999999998.0",
    })
    void reprIsPythons(double value, String repr) {
        assertThat(PythonFloat.repr(value)).isEqualTo(repr);
    }

    @ParameterizedTest(name = "round({0}, {1}) = {2}")
    @CsvSource({
        "1.23456789, 5, 1.23457",
        "2.2345, 3, 2.235",
        "0.19999999999999998, 5, 0.2",
        "1e-06, 5, 0.0",
        "-1.0000000000287557e-07, 5, -0.0",
        "1e20, 5, 1e+20",
        "0.125, 2, 0.12",
        "0.375, 2, 0.38",
        "2.675, 2, 2.67",
        "123.456, -1, 120.0",
        "15.0, -1, 20.0",
        "25.0, -1, 20.0",
        "-5.0, -1, -0.0",
        "1234.5, -3, 1000.0",
        "1e300, -300, 1e+300",
        "1e-320, 323, 1e-320",
        "5e-324, 323, 0.0",
        "5e-324, 324, 5e-324",
        "1.5, 2147483647, 1.5",
        "0.1, 1000000, 0.1",
        "123.0, -308, 0.0",
        "-123.0, -309, -0.0",
        "1e308, -2147483648, 0.0",
    })
    void roundIsPythons(double value, int digits, String repr) {
        assertThat(PythonFloat.repr(PythonFloat.round(value, digits))).isEqualTo(repr);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"NaN, nan", "Infinity, inf", "-Infinity, -inf", "-0.0, -0.0", "0.0, 0.0"})
    void specialValues(double value, String repr) {
        assertThat(PythonFloat.repr(value)).isEqualTo(repr);
        assertThat(PythonFloat.repr(PythonFloat.round(value, 5))).isEqualTo(repr);
    }

    @Property(tries = 5000)
    void reprReadsBackAndIsNeverLongerThanJavasShortest(@ForAll double value) {
        String repr = PythonFloat.repr(value);
        if (!Double.isFinite(value)) {
            return;
        }
        assertThat(Double.parseDouble(repr)).isEqualTo(value);
        String digits = repr.replaceFirst("^-", "")
                .replaceFirst("e.*$", "")
                .replace(".", "")
                .replaceFirst("^0+", "");
        String javaDigits = Double.toString(Math.abs(value))
                .replaceFirst("E.*$", "")
                .replace(".", "")
                .replaceFirst("^0+", "")
                .replaceFirst("0+$", "");
        assertThat(digits.replaceFirst("0+$", "").length()).isLessThanOrEqualTo(Math.max(1, javaDigits.length()));
    }
}
