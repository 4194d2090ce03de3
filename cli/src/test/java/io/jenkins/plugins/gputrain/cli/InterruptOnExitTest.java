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
            try (InterruptOnExit g = InterruptOnExit.guardCurrentThread()) {
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

        assertThat(events).containsExactly("worker interrupted", "pod deleted", "shutdown continues");
        worker.join(10_000);
    }
}
