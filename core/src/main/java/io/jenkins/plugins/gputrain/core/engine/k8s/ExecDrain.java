package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.dsl.ExecListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Signals once an exec is closed and the client has written all its output. The fabric8 client writes output on
 * another thread and may complete the exit code before the last bytes are written, so whoever reads the output of
 * an exec waits for this after the exit code.
 */
final class ExecDrain implements ExecListener {
    /**
     * How long to wait for the close after the exit code: as long as okhttp 4.12.0 itself waits for the server's close
     * frame after the client's ({@code RealWebSocket.CANCEL_AFTER_CLOSE_MILLIS}, 60 s), and a little more. When okhttp
     * then cancels the socket, fabric8 7.3.1's {@code ExecWebSocketListener.onError} tells no listener (the exit code is
     * already done), so nothing comes later. 30 s was too short on a busy machine (20 runs at once on 2 cores).
     */
    static final long DRAIN_SECONDS = 65;

    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void onClose(int code, String reason) {
        closed.countDown();
    }

    @Override
    public void onFailure(Throwable cause, Response response) {
        closed.countDown();
    }

    /** Waits for the close; {@code false} when it did not come within {@link #DRAIN_SECONDS}. */
    boolean await() throws InterruptedException {
        return closed.await(DRAIN_SECONDS, TimeUnit.SECONDS);
    }
}
