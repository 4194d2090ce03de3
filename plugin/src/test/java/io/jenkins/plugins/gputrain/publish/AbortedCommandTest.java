package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.report.BaselineRevision;
import io.jenkins.plugins.gputrain.core.report.ReportEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An abort while a command is being started inside {@code container('dvc')} reaches gpu-train as an IOException: the
 * kubernetes-plugin's ContainerExecDecorator throws an {@link InterruptedIOException}, or an IOException caused by
 * the {@link InterruptedException} ("JENKINS-40825: interrupted while waiting for websocket connection",
 * src/main/java/org/csanchez/jenkins/plugins/kubernetes/pipeline/ContainerExecDecorator.java). It must stay an abort:
 * no fallback to looking up the baseline without git or to gpu-train's own engine.
 */
class AbortedCommandTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream logger = new PrintStream(console, true, StandardCharsets.UTF_8);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptedIoExceptionFromTheContainerStopsTheBaselineLookup() {
        BaselineFetch git = new BaselineFetch(throwing(new InterruptedIOException("interrupted")), logger, "/ws");

        assertThatThrownBy(() -> git.resolve(new BaselineRevision("main")))
                .isInstanceOf(InterruptedException.class)
                .hasCauseInstanceOf(InterruptedIOException.class);
        assertThat(text()).isEmpty();
    }

    @Test
    void anIoExceptionCausedByTheInterruptStopsEngineAutoFromFallingBack() {
        IOException websocket = new IOException(
                "JENKINS-40825: interrupted while waiting for websocket connection", new InterruptedException());
        DvcCommands dvc = new DvcCommands(throwing(websocket), logger);

        assertThatThrownBy(() -> dvc.run(ReportEngine.AUTO, "main"))
                .isInstanceOf(InterruptedException.class)
                .hasMessage("JENKINS-40825: interrupted while waiting for websocket connection");
        assertThat(text()).isEmpty();
    }

    @Test
    void aChannelClosedByTheInterruptIsAnAbort() {
        DvcCommands dvc = new DvcCommands(throwing(new ClosedByInterruptException()), logger);

        assertThatThrownBy(() -> dvc.run(ReportEngine.AUTO, "main")).isInstanceOf(InterruptedException.class);
    }

    @Test
    void anyIoExceptionWhileTheThreadIsInterruptedIsAnAbortAndClearsTheInterruptAsAnInterruptedExceptionDoes() {
        DvcCommands dvc = new DvcCommands(
                (command, stdout, stderr) -> {
                    Thread.currentThread().interrupt();
                    throw new IOException("Pipe closed");
                },
                logger);

        assertThatThrownBy(() -> dvc.run(ReportEngine.AUTO, "main")).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anIoExceptionWithoutAnInterruptIsStillACommandThatCouldNotBeStarted() throws Exception {
        DvcCommands dvc = new DvcCommands(throwing(new IOException("Cannot run program \"dvc\"")), logger);

        assertThat(dvc.run(ReportEngine.AUTO, "main")).isEmpty();
        assertThat(text())
                .isEqualTo("[gpu-train] dvc is not available here ('dvc --version' could not be started: Cannot run"
                        + " program \"dvc\"); using gpu-train's own engine\n");
    }

    @Test
    void aSocketTimeoutIsATimeoutNotAnAbort() throws Exception {
        DvcCommands dvc = new DvcCommands(throwing(new SocketTimeoutException("Read timed out")), logger);

        assertThat(dvc.run(ReportEngine.AUTO, "main")).isEmpty();
        assertThat(text())
                .isEqualTo("[gpu-train] dvc is not available here ('dvc --version' could not be started: Read timed"
                        + " out); using gpu-train's own engine\n");
    }

    private static WorkspaceCommands throwing(IOException e) {
        return (command, stdout, stderr) -> {
            throw e;
        };
    }

    private String text() {
        return console.toString(StandardCharsets.UTF_8);
    }
}
