package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An output stream that hands on complete lines (UTF-8), for streaming a remote command's output; NUL bytes (the
 * {@link KeepAlive} byte) are dropped.
 */
final class LineOutput extends OutputStream {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineOutput(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == KeepAlive.BYTE) {
            return;
        }
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        line.reset();
    }
}
