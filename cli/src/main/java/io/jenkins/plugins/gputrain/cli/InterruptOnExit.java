package io.jenkins.plugins.gputrain.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (JVM shutdown) into an interrupt of the thread running the pod, and holds the shutdown until that
 * thread has cleaned up (deleted the pod), for at most {@link #CLEANUP_SECONDS} seconds.
 */
final class InterruptOnExit implements AutoCloseable {
    /** How long shutdown waits for the clean-up. */
    static final long CLEANUP_SECONDS = 30;

    private final Thread worker;
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;

    private InterruptOnExit(Thread worker) {
        this.worker = worker;
        this.hook = new Thread(this::onExit, "gpu-train-shutdown");
    }

    /** Guards the calling thread until {@link #close()}. */
    static InterruptOnExit guardCurrentThread() {
        InterruptOnExit guard = new InterruptOnExit(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** What the shutdown hook does: interrupt the worker and wait for its clean-up. */
    void onExit() {
        worker.interrupt();
        try {
            cleanedUp.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the clean-up done and removes the hook (unless the JVM is already shutting down). */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and returns now that the clean-up is done
        }
    }
}
