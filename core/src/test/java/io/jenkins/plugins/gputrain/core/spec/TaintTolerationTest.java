package io.jenkins.plugins.gputrain.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaintTolerationTest {
    @Test
    void keyAndEffectToleratesAnyValue() {
        TaintToleration toleration = TaintToleration.parse("nvidia.com/gpu:NoSchedule");

        assertThat(toleration).isEqualTo(new TaintToleration("nvidia.com/gpu", null, "NoSchedule"));
        assertThat(toleration.operator()).isEqualTo("Exists");
    }

    @Test
    void keyValueAndEffect() {
        TaintToleration toleration = TaintToleration.parse(" dedicated=ml:NoExecute ");

        assertThat(toleration.optionalValue()).contains("ml");
        assertThat(toleration.optionalEffect()).contains("NoExecute");
        assertThat(toleration.operator()).isEqualTo("Equal");
    }

    @Test
    void keyAloneToleratesEveryEffect() {
        assertThat(TaintToleration.parse("spot").optionalEffect()).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|must not be empty",
                "gpu:Sometimes|effect 'Sometimes' is not one of NoSchedule, PreferNoSchedule, NoExecute",
                "g pu:NoSchedule|key 'g pu' is not a valid taint key: name part 'g pu' must be alphanumeric at both ends"
                        + " with only '-', '_' or '.' inside",
                "gpu=a b:NoSchedule|value 'a b' is not a valid taint value: must be alphanumeric at both ends with only"
                        + " '-', '_' or '.' inside",
            })
    void badTolerations(String text, String reason) {
        assertThatThrownBy(() -> TaintToleration.parse(text))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("tolerations '" + text + "': " + reason
                        + " (expected key[=value][:NoSchedule|PreferNoSchedule|NoExecute])");
    }
}
