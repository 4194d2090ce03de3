package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kubeconfig user's tokenFile: read again once a minute, as client-go does, the last token kept when unreadable. */
class TokenFileTest {
    @TempDir
    Path temp;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T06:00:00Z"));

    @Test
    void aRotatedTokenIsUsedOnceAMinuteHasPassedNotOnEveryRequest() throws Exception {
        Path file = Files.writeString(temp.resolve("token"), "first\n");
        TokenFile tokens = TokenFile.read(file, "kubeconfig k", clock);
        Files.writeString(file, "second\n");

        String withinTheMinute = tokens.getToken();
        clock.advance(TokenFile.PERIOD);
        String afterIt = tokens.getToken();

        assertThat(withinTheMinute).isEqualTo("first");
        assertThat(afterIt).isEqualTo("second");
    }

    @Test
    void aTokenFileThatGoesAwayLeavesTheLastTokenInUse() throws Exception {
        Path file = Files.writeString(temp.resolve("token"), "only\n");
        TokenFile tokens = TokenFile.read(file, "kubeconfig k", clock);
        Files.delete(file);
        clock.advance(Duration.ofMinutes(5));

        assertThat(tokens.getToken()).isEqualTo("only");
    }
}
