package io.jenkins.plugins.gputrain.cli;

import java.time.Duration;
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
    private final Duration budget;
    private final Runnable onTimeout;
    private final Runnable untilHalt;
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean exiting;

    private InterruptOnExit(Thread worker, Duration budget, Runnable onTimeout, Runnable untilHalt) {
        this.worker = worker;
        this.budget = budget;
        this.onTimeout = onTimeout;
        this.untilHalt = untilHalt;
        this.hook = new Thread(this::onExit, "gpu-train-shutdown");
    }

    /**
     * Guards the calling thread until {@link #close()}.
     *
     * @param onTimeout run by the shutdown when the clean-up has not ended within {@link #CLEANUP_SECONDS}, e.g. to
     *     print one line: the JVM exits right after it
     */
    static InterruptOnExit guardCurrentThread(Runnable onTimeout) {
        return guardCurrentThread(Duration.ofSeconds(CLEANUP_SECONDS), onTimeout, InterruptOnExit::awaitHalt);
    }

    /**
     * As {@link #guardCurrentThread(Runnable)}, waiting {@code budget} for the clean-up, {@link #close()} running
     * {@code untilHalt} when the JVM is exiting.
     */
    static InterruptOnExit guardCurrentThread(Duration budget, Runnable onTimeout, Runnable untilHalt) {
        InterruptOnExit guard = new InterruptOnExit(Thread.currentThread(), budget, onTimeout, untilHalt);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** What the shutdown hook does: interrupt the worker and wait for its clean-up, telling a wait that ran out. */
    void onExit() {
        exiting = true;
        worker.interrupt();
        try {
            if (!cleanedUp.await(budget.toMillis(), TimeUnit.MILLISECONDS)) {
                onTimeout.run();
            }
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
