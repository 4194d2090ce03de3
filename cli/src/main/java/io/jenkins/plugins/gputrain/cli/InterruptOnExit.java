package io.jenkins.plugins.gputrain.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Turns SIGTERM or SIGINT (Ctrl-C), which start the JVM's shutdown, into an interrupt of the thread running the pod,
 * and holds the shutdown until that thread has cleaned up (deleted the pod), for at most {@link #CLEANUP_SECONDS}
 * seconds. The JVM then exits with the signal's code, 128 + its number (143 for SIGTERM, 130 for SIGINT), whatever
 * the thread would exit with: so that nothing it prints after its clean-up races the JVM's halt, {@link #close()}
 * does not return to it while the JVM is exiting.
 */
final class InterruptOnExit implements AutoCloseable {
    /** How long shutdown waits for the clean-up. */
    static final long CLEANUP_SECONDS = 30;

    private final Thread worker;
    private final Runnable untilHalt;
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean exiting;

    private InterruptOnExit(Thread worker, Runnable untilHalt) {
        this.worker = worker;
        this.untilHalt = untilHalt;
        this.hook = new Thread(this::onExit, "gpu-train-shutdown");
    }

    /** Guards the calling thread until {@link #close()}. */
    static InterruptOnExit guardCurrentThread() {
        return guardCurrentThread(InterruptOnExit::awaitHalt);
    }

    /** As {@link #guardCurrentThread()}, {@link #close()} running {@code untilHalt} when the JVM is exiting. */
    static InterruptOnExit guardCurrentThread(Runnable untilHalt) {
        InterruptOnExit guard = new InterruptOnExit(Thread.currentThread(), untilHalt);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** What the shutdown hook does: interrupt the worker and wait for its clean-up. */
    void onExit() {
        exiting = true;
        worker.interrupt();
        try {
            cleanedUp.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the JVM is exiting (a signal): the worker's interrupt is the signal's.
     *
     * @return whether the shutdown hook has run
     */
    boolean exiting() {
        return exiting;
    }

    /**
     * Marks the clean-up done and removes the hook; while the JVM is exiting, lets the hook return and waits for the
     * JVM's halt instead of returning.
     */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and returns now that the clean-up is done
        }
        if (exiting) {
            untilHalt.run();
        }
    }

    /** Waits for the JVM's halt, which comes once the shutdown hooks have returned. */
    private static void awaitHalt() {
        while (true) {
            LockSupport.park();
        }
    }
}
