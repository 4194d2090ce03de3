package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.time.Duration;

/**
 * Keeps the exec stream of a silent command alive. The kubelet closes a streaming connection that carries no data for
 * {@code streamingConnectionIdleTimeout} (4 h by default; clusters set less): its WebSocket connection
 * ({@code apimachinery/pkg/util/httpstream/wsstream/conn.go}) moves the deadline on each message read or written, and
 * SPDY ({@code httpstream/spdy}, spdystream) resets its idle timer on each frame. So data must flow: the exec that
 * follows the command's output ({@link DetachedCommand#follow}) writes one NUL byte to standard error after every
 * {@link #INTERVAL} without output, and {@link LineOutput} drops NUL bytes. Its {@code sleep} between looks holds none
 * of the stream's descriptors, so the exec ends as soon as the command does. Checked in apimachinery v0.35.4:
 * {@code wsstream/conn.go} {@code write()} calls {@code resetTimeout()}; spdystream v0.5.1's
 * {@code idleAwareFramer.WriteFrame} resets the idle timer.
 */
final class KeepAlive {
    /** Below every idle timeout a cluster plausibly sets; one byte a minute. */
    static final Duration INTERVAL = Duration.ofMinutes(1);

    /** The byte written; never shown. */
    static final int BYTE = 0;

    private KeepAlive() {}
}
