package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InterruptOnExitTest {
    @Test
    void shutdownInterruptsTheWorkerAndWaitsUntilItHasCleanedUp() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch guarded = new CountDownLatch(1);
        InterruptOnExit[] guard = new InterruptOnExit[1];
        Thread worker = new Thread(() -> {
            try (InterruptOnExit g = InterruptOnExit.guardCurrentThread(
                    Duration.ofSeconds(InterruptOnExit.CLEANUP_SECONDS),
                    () -> events.add("timed out"),
                    () -> events.add("waits for the halt"))) {
                guard[0] = g;
                guarded.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    events.add("worker interrupted");
                } finally {
                    events.add("pod deleted");
                }
            }
        });
        worker.start();
        assertThat(guarded.await(10, TimeUnit.SECONDS)).isTrue();

        guard[0].onExit();
        events.add("shutdown continues");

        worker.join(10_000);
        assertThat(guard[0].exiting()).isTrue();
        assertThat(events)
                .containsExactlyInAnyOrder(
                        "worker interrupted", "pod deleted", "shutdown continues", "waits for the halt")
                .startsWith("worker interrupted", "pod deleted");
    }

    /** A clean-up that does not end within the budget: the shutdown tells it once and goes on. */
    @Test
    void aCleanupThatOutlastsTheBudgetIsToldOnce() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch guarded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InterruptOnExit[] guard = new InterruptOnExit[1];
        Thread worker = new Thread(() -> {
            try (InterruptOnExit g = InterruptOnExit.guardCurrentThread(
                    Duration.ZERO, () -> events.add("timed out"), () -> events.add("waits for the halt"))) {
                guard[0] = g;
                guarded.countDown();
                awaitUninterruptibly(release);
            }
        });
        worker.start();
        assertThat(guarded.await(10, TimeUnit.SECONDS)).isTrue();

        guard[0].onExit();
        events.add("shutdown continues");

        assertThat(events).containsExactly("timed out", "shutdown continues");
        release.countDown();
        worker.join(10_000);
    }

    /** Closed with no signal, the guard returns to its thread: the run reports its end itself. */
    @Test
    void closedWithoutAShutdownTheGuardReturns() {
        List<String> events = new CopyOnWriteArrayList<>();
        try (InterruptOnExit g = InterruptOnExit.guardCurrentThread(
                Duration.ofSeconds(InterruptOnExit.CLEANUP_SECONDS),
                () -> events.add("timed out"),
                () -> events.add("waits for the halt"))) {
            assertThat(g.exiting()).isFalse();
        }
        assertThat(events).isEmpty();
    }

    /** Waits for the latch through the guard's interrupt, as a clean-up that goes on does. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
