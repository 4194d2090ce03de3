package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which spellings {@link TomlNegativeZeros} takes for negative zero floats, and which it leaves as written. */
class TomlNegativeZerosTest {
    /** An exponent is digit (_? digit)*, as tomlkit's {@code _parse_number} reads it ({@code tomlkit/parser.py}). */
    @ParameterizedTest
    @ValueSource(strings = {"a = -0.0e_1", "a = -0e1_", "a = -0e1__0", "a = -0e_", "a = -0.0e+_1", "a = -0e1_ # x"})
    void exponentsTomlkitRefusesAreLeftAsWritten(String toml) {
        assertThat(TomlNegativeZeros.keepSigns(toml)).isEqualTo(toml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a = -0e1_0", "a = -0.0e+1_2_3", "a = -0E-0"})
    void exponentsWithSingleUnderscoresBetweenDigitsAreNegativeZeros(String toml) {
        assertThat(TomlNegativeZeros.keepSigns(toml)).isEqualTo("a = -1e-400");
    }

    /** After a comma a key comes in an inline table, and after an array's {@code ]} the line's value has ended. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "a = [{x = 1, -0e0 = 2}]",
                "a = {x = [1], -0.0 = 2}",
                "a = [\n 1,\n]\n-0.0 = 3",
                "a = [[1,],\n]\n-0e0 = 3",
                "a = {x = {y = 1}, -0.0 = 2}"
            })
    void keysSpelledLikeNegativeZerosAreLeftAsWritten(String toml) {
        assertThat(TomlNegativeZeros.keepSigns(toml)).isEqualTo(toml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a = [{x = -0.0}, -0.0]", "a = [[1], -0.0]", "a = {x = [1, -0.0]}"})
    void valuesInsideArraysAndInlineTablesAreNegativeZeros(String toml) {
        assertThat(TomlNegativeZeros.keepSigns(toml)).doesNotContain("-0").contains("-1e-400");
    }
}
