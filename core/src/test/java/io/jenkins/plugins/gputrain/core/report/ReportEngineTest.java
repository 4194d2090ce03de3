package io.jenkins.plugins.gputrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;

class ReportEngineTest {
    @Test
    void enginesAreReadAsWrittenAndBlankIsAuto() {
        assertThat(ReportEngine.parse("dvc")).isEqualTo(ReportEngine.DVC);
        assertThat(ReportEngine.parse(" BuiltIn ")).isEqualTo(ReportEngine.BUILTIN);
        assertThat(ReportEngine.parse("")).isEqualTo(ReportEngine.AUTO);
        assertThat(ReportEngine.parse(null)).isEqualTo(ReportEngine.AUTO);
        assertThat(ReportEngine.AUTO.value()).isEqualTo("auto");
    }

    @Test
    void otherNamesAreRefusedNamingTheChoices() {
        assertThatThrownBy(() -> ReportEngine.parse("cml"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("engine 'cml': unknown engine (expected auto, builtin, dvc)");
    }
}
