package io.jenkins.plugins.gputrain.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "256Mi, 268435456",
        "1Gi, 1073741824",
        "500M, 500000000",
        "' 10Ki ', 10240",
        "1, 1",
        "1.5, 1",
        "2047Mi, 2146435072",
    })
    void sizesAreReadAsKubernetesQuantities(String text, long bytes) {
        assertThat(ByteSize.parse("maxWorkspaceSize", text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "lots | maxWorkspaceSize 'lots': not a size (expected a size such as 256Mi, 1Gi or 500M, at most 2047Mi)",
                "'' | maxWorkspaceSize '': not a size (expected a size such as 256Mi, 1Gi or 500M, at most 2047Mi)",
                "0 | maxWorkspaceSize '0': must be at least 1 byte (expected a size such as 256Mi, 1Gi or 500M, at most"
                        + " 2047Mi)",
                "500m | maxWorkspaceSize '500m': must be at least 1 byte (expected a size such as 256Mi, 1Gi or 500M,"
                        + " at most 2047Mi)",
                "2Gi | maxWorkspaceSize '2Gi': is more than can be held in memory (expected a size such as 256Mi, 1Gi"
                        + " or 500M, at most 2047Mi)",
            })
    void badSizesNameTheFieldAndTheForm(String text, String message) {
        assertThatThrownBy(() -> ByteSize.parse("maxWorkspaceSize", text))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(message);
    }
}
