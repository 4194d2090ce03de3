package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The keepalive shell, run locally (as kwok's exec simulation runs it): data reaches the stream while the command is
 * silent (what resets the kubelet's {@code streamingConnectionIdleTimeout}, per {@code wsstream/conn.go}), the
 * command's arguments and exit code pass unchanged, and the keepalive bytes never show in the output.
 */
class KeepAliveTest {
    @Test
    void aSilentCommandStillSendsDataAndKeepsItsArgumentsAndExitCode() throws IOException, InterruptedException {
        List<String> command = List.of("sh", "-c", "sleep 3; printf '%s|' \"$@\"; exit 3", "x", "a b", "$(id)", "'q'");
        Process shell = new ProcessBuilder(KeepAlive.wrap(command, Duration.ofSeconds(1))).start();

        byte[] stdout = shell.getInputStream().readAllBytes();
        byte[] stderr = shell.getErrorStream().readAllBytes();

        assertThat(shell.waitFor()).isEqualTo(3);
        assertThat(new String(stdout, StandardCharsets.UTF_8)).isEqualTo("a b|$(id)|'q'|");
        assertThat(stderr).isNotEmpty().containsOnly((byte) KeepAlive.BYTE);
    }

    /**
     * The stream ends with the command, not with the keepalive's last {@code sleep}: an exec ends when its output
     * does (kwok's local exec waits for it, as a container runtime's IO copy does), so a sleep still holding standard
     * error held every exec up to a whole interval (seen against the test control plane: a trivial command took 60 s).
     */
    @Test
    void theStreamEndsWithTheCommandNotWithTheKeepaliveSleep() throws IOException, InterruptedException {
        Instant start = Instant.now();
        Process shell = new ProcessBuilder(KeepAlive.wrap(List.of("sleep", "1"), Duration.ofSeconds(60)))
                .redirectErrorStream(true)
                .start();

        shell.getInputStream().readAllBytes();

        assertThat(shell.waitFor()).isZero();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void keepaliveBytesNeverReachTheLines() throws IOException {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LineOutput output = new LineOutput(lines::add)) {
            output.write("epo\0ch 1\n\0\0epoch 2".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(lines).containsExactly("epoch 1", "epoch 2");
    }
}
