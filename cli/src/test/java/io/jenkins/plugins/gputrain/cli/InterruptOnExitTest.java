package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
            try (InterruptOnExit g = InterruptOnExit.guardCurrentThread(() -> events.add("waits for the halt"))) {
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

    /** Closed with no signal, the guard returns to its thread: the run reports its end itself. */
    @Test
    void closedWithoutAShutdownTheGuardReturns() {
        List<String> events = new CopyOnWriteArrayList<>();
        try (InterruptOnExit g = InterruptOnExit.guardCurrentThread(() -> events.add("waits for the halt"))) {
            assertThat(g.exiting()).isFalse();
        }
        assertThat(events).isEmpty();
    }
}
