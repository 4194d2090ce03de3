package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The keepalive bytes never show in the output; that they are sent while the command is silent, on standard error
 * only, is {@link DetachedCommandTest}'s.
 */
class KeepAliveTest {
    @Test
    void keepaliveBytesNeverReachTheLines() throws IOException {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LineOutput output = new LineOutput(lines::add)) {
            output.write("epo\0ch 1\n\0\0epoch 2".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(lines).containsExactly("epoch 1", "epoch 2");
    }
}
