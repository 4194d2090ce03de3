package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The drawing is readied on its own daemon thread for the commands that draw plots, and for no other. */
class DrawingWarmUpTest {
    @ParameterizedTest
    @ValueSource(strings = {"plots", "report"})
    void aDrawingCommandStartsTheWarmUpWhichEnds(String command) throws InterruptedException {
        Thread thread = DrawingWarmUp.startFor(command, "diff").orElseThrow();

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("gpu-train drawing warm-up");
        thread.join();
        assertThat(thread.isAlive()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "metrics diff", "params diff", "run train", "help plots", "demo", "pod"})
    void otherCommandLinesStartNoWarmUp(String commandLine) {
        String[] args = commandLine.isEmpty() ? new String[0] : commandLine.split(" ");

        assertThat(DrawingWarmUp.startFor(args)).isEqualTo(Optional.empty());
    }
}
