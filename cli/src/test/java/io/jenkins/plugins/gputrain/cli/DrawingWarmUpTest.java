package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The drawing is readied on its own daemon thread for {@code plots}, and for no other command. */
class DrawingWarmUpTest {
    @Test
    void plotsStartsTheWarmUpWhichEnds() throws InterruptedException {
        Thread thread = DrawingWarmUp.startFor("plots", "diff").orElseThrow();

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("gpu-train drawing warm-up");
        thread.join();
        assertThat(thread.isAlive()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "--help",
                "report --baseline main",
                "metrics diff",
                "params diff",
                "run train",
                "help plots",
                "demo",
                "pod"
            })
    void otherCommandLinesStartNoWarmUp(String commandLine) {
        String[] args = commandLine.isEmpty() ? new String[0] : commandLine.split(" ");

        assertThat(DrawingWarmUp.startFor(args)).isEqualTo(Optional.empty());
    }
}
