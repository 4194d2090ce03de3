package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the exec stream of a silent command alive. The kubelet closes a streaming connection that carries no data for
 * {@code streamingConnectionIdleTimeout} (4 h by default; clusters set less): its WebSocket connection
 * ({@code apimachinery/pkg/util/httpstream/wsstream/conn.go}) moves the deadline on each message read or written, and
 * SPDY ({@code httpstream/spdy}, spdystream) resets its idle timer on each frame. So data must flow: the command runs
 * under a shell that writes one NUL byte to standard error every {@link #INTERVAL} until the command ends, and
 * {@link LineOutput} drops NUL bytes. The command's exit code (128+n when a signal killed it) is the shell's, its
 * arguments are passed as they are. The {@code sleep} between bytes holds none of the stream's descriptors: a
 * {@code sleep} left running after the keepalive loop is killed would keep standard error open, and the exec would
 * end only when it does (up to an {@link #INTERVAL} late; the runtime waits for the end of its output). Checked in
 * apimachinery v0.35.4: {@code wsstream/conn.go} {@code write()} calls {@code resetTimeout()}; spdystream v0.5.1's
 * {@code idleAwareFramer.WriteFrame} resets the idle timer.
 */
final class KeepAlive {
    /** Below every idle timeout a cluster plausibly sets; one byte a minute. */
    static final Duration INTERVAL = Duration.ofMinutes(1);

    /** The byte written; never shown. */
    static final int BYTE = 0;

    private KeepAlive() {}

    /** The command wrapped with a keepalive every {@link #INTERVAL}. */
    static List<String> wrap(List<String> command) {
        return wrap(command, INTERVAL);
    }

    static List<String> wrap(List<String> command, Duration interval) {
        List<String> wrapped = new ArrayList<>(List.of(
                "sh",
                "-c",
                "(while :; do sleep " + interval.toSeconds() + " </dev/null >/dev/null 2>&1 & wait $!;"
                        + " printf '\\000' >&2; done) & k=$!; \"$@\"; e=$?; kill $k 2>/dev/null; exit $e",
                "gpu-train"));
        wrapped.addAll(command);
        return wrapped;
    }
}
