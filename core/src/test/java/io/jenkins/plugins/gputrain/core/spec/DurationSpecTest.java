package io.jenkins.plugins.gputrain.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationSpecTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "90, 90",
        "90s, 90",
        "30m, 1800",
        "2h, 7200",
        "1d, 86400",
        "1h30m, 5400",
        "1d2h3m4s, 93784",
        "PT2H, 7200",
        "pt15m, 900",
        "' 5m ', 300"
    })
    void readsTheUsualForms(String text, long seconds) {
        assertThat(DurationSpec.parse("timeout", text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|must not be empty",
                "0|must be longer than 0 seconds",
                "0h0m|must be longer than 0 seconds",
                "PT-5S|must be longer than 0 seconds",
                "-5|not a duration",
                "5 minutes|not a duration",
                "2H|not a duration",
                "P2X|not an ISO-8601 duration",
                "99999999999999999999|is too long",
            })
    void badDurations(String text, String reason) {
        assertThatThrownBy(() -> DurationSpec.parse("timeout", text))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("timeout '" + text + "': " + reason
                        + " (expected a positive duration such as 90s, 30m, 2h, 1h30m, 1d or PT2H)");
    }

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource({"1, 1s", "300, 5m", "5400, 1h30m", "93784, 1d2h3m4s", "90000, 1d1h", "3601, 1h1s"})
    void writesTheShortForm(long seconds, String text) {
        assertThat(DurationSpec.format(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PT0.5S", "PT0S", "PT-1M"})
    void writesFractionsZeroAndNegativeAsIso(String iso) {
        assertThat(DurationSpec.format(Duration.parse(iso))).isEqualTo(iso);
    }

    @Property(tries = 1000)
    void theShortFormReadsBack(@ForAll @LongRange(min = 1, max = 1L << 40) long seconds) {
        Duration duration = Duration.ofSeconds(seconds);
        assertThat(DurationSpec.parse("timeout", DurationSpec.format(duration))).isEqualTo(duration);
    }

    @Property(tries = 1000)
    void arbitraryTextEitherParsesOrRaisesTheDomainError(@ForAll String text) {
        try {
            assertThat(DurationSpec.parse("pendingTimeout", text)).isPositive();
        } catch (InvalidSpecException e) {
            assertThat(e.getMessage()).startsWith("pendingTimeout '");
        }
    }
}
