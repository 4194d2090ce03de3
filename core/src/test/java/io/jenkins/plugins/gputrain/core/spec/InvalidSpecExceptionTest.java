package io.jenkins.plugins.gputrain.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidSpecExceptionTest {
    @Test
    void controlCharactersAreEscapedSoTheMessageStaysOneLine() {
        InvalidSpecException error = new InvalidSpecException("nodeSelector", "a=b\nc=d\u2028", "bad", "good");

        assertThat(error).hasMessage("nodeSelector 'a=b\\u000ac=d\\u2028': bad (expected good)");
    }

    @Test
    void longInputIsShortened() {
        InvalidSpecException error = new InvalidSpecException("yaml", "x".repeat(200), "bad", "good");

        assertThat(error.getMessage()).isEqualTo("yaml '" + "x".repeat(80) + "…': bad (expected good)");
        assertThat(error.field()).isEqualTo("yaml");
    }
}
