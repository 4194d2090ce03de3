package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResourceDeletionTest {
    private final RecordedProgress listener = new RecordedProgress();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T00:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();
    private final Sleeper sleeper = pause -> {
        pauses.add(pause);
        clock.advance(pause);
    };

    @Test
    void aRefusedDeletionIsToldWithTheCommandToFinishItAndNotThrown() {
        delete(() -> {
            throw new KubernetesClientException(
                    "Forbidden: secrets \"gpu-train-secret-1\" is forbidden\n{body}", 403, null);
        });

        assertThat(listener.progress)
                .containsExactly("could not delete secret gpu-train-secret-1 (Forbidden: secrets \"gpu-train-secret-1\""
                        + " is forbidden); delete it with: kubectl delete secret gpu-train-secret-1 -n ml");
        assertThat(pauses).as("an answered refusal is not retried").isEmpty();
    }

    @Test
    void anApiServerThatDoesNotAnswerIsTriedAgainUntilItDoes() {
        AtomicInteger calls = new AtomicInteger();

        delete(() -> {
            if (calls.incrementAndGet() <= 3) {
                throw unanswered();
            }
        });

        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(listener.progress)
                .startsWith("deleting secret gpu-train-secret-1: the Kubernetes API did not answer (Connection"
                        + " refused); retrying in 1s")
                .endsWith("deleted secret gpu-train-secret-1");
    }

    /** An API server shutting down answers 429, a load balancer before it 503: tried again as well. */
    @Test
    void anApiServerAnswering429Or503IsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();

        delete(() -> {
            int call = calls.incrementAndGet();
            if (call <= 2) {
                throw new KubernetesClientException("the server is shutting down", call == 1 ? 429 : 503, null);
            }
        });

        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(listener.progress).last().isEqualTo("deleted secret gpu-train-secret-1");
    }

    @Test
    void anOutageLongerThanTheLimitIsToldWithTheCommandToFinishIt() {
        delete(() -> {
            throw unanswered();
        });

        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(ApiOutage.LIMIT);
        assertThat(listener.progress)
                .last()
                .isEqualTo("could not delete secret gpu-train-secret-1 (Connection refused); delete it with: kubectl"
                        + " delete secret gpu-train-secret-1 -n ml");
    }

    /** An aborted run retries for a shorter time (the CLI's shutdown waits 30 s) and keeps its interrupt. */
    @Test
    void whileInterruptedTheRetriesEndSoonerAndTheInterruptIsKept() {
        Thread.currentThread().interrupt();
        try {
            delete(() -> {
                throw unanswered();
            });

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(ResourceDeletion.INTERRUPTED_LIMIT);
    }

    private void delete(Runnable deletion) {
        ResourceDeletion.delete("secret", "ml", "gpu-train-secret-1", deletion, listener, clock, sleeper);
    }

    private static KubernetesClientException unanswered() {
        return new KubernetesClientException("Connection refused", new IOException("Connection refused"));
    }
}
