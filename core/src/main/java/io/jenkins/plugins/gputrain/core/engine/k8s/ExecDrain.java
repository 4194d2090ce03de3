package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.dsl.ExecListener;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Signals once an exec is closed, after which fabric8 has written all its output. The close is awaited for at most a
 * grace period after the exit code, and its absence is not an error: fabric8 7.3.1's {@code ExecWebSocketListener}
 * tells no listener of a failure that comes after the exit status ({@code onError}: "Exec failure after done"), so a
 * connection reset, or okhttp 4.12.0 cancelling the socket 60 s after its close frame went unanswered, leaves only
 * silence. The output is then complete all the same: over okhttp, fabric8 delivers a frame only once the previous
 * one is written ({@code OkHttpWebSocketImpl.awaitMoreRequest}, {@code ExecWebSocketListener.asyncWrite}), and the exit
 * status is the last frame. Whoever needs proof checks the output itself ({@link SizedArchive}, the upload's
 * {@code wc -c}).
 */
final class ExecDrain implements ExecListener {
    /** How long the close is awaited after the exit code; it normally comes within milliseconds. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Duration grace;

    ExecDrain() {
        this(GRACE);
    }

    ExecDrain(Duration grace) {
        this.grace = grace;
    }

    @Override
    public void onClose(int code, String reason) {
        closed.countDown();
    }

    @Override
    public void onFailure(Throwable cause, Response response) {
        closed.countDown();
    }

    /** Waits for the close; {@code false} when it did not come within the grace period. */
    boolean await() throws InterruptedException {
        return closed.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
