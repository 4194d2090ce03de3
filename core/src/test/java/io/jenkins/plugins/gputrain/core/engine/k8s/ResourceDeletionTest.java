package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient
class ResourceDeletionTest {
    KubernetesMockServer server;
    KubernetesClient client;

    private static final CreatedObject SECRET = CreatedObject.named(Leftovers.Kind.SECRET, "ml", "gpu-train-secret-1");

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
        assertThat(listener.deletions).containsExactly("secret gpu-train-secret-1 FAILED");
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
        assertThat(listener.deletions).containsExactly("secret gpu-train-secret-1 DELETED");
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

    /** A deletion that found nothing (fabric8 returns no details for HTTP 404) is told as such, not as deleted. */
    @Test
    void aDeletionThatFindsNothingSaysSo() {
        ResourceDeletion.delete(
                SECRET, client, c -> List.of(), listener, clock, sleeper, ResourceDeletion.INTERRUPTED_REQUEST_TIMEOUT);

        assertThat(listener.progress)
                .containsExactly("found no secret gpu-train-secret-1 to delete (HTTP 404: nothing was stored under"
                        + " that name, or it is gone already)");
        assertThat(listener.deletions).containsExactly("secret gpu-train-secret-1 NOTHING");
    }

    /**
     * An object a failed create may have stored, under a name that may be another run's: the lines name it by its
     * create id and its name, and the command deletes only it.
     */
    @Test
    void anObjectOfACreateIsNamedByItsCreateIdAndItsName() {
        CreatedObject pod = new CreatedObject(Leftovers.Kind.POD, "ml", "gpu-train-1", "id-1");

        ResourceDeletion.delete(
                pod, client, c -> List.of(), listener, clock, sleeper, ResourceDeletion.INTERRUPTED_REQUEST_TIMEOUT);
        ResourceDeletion.delete(
                pod,
                client,
                c -> {
                    throw new KubernetesClientException("Forbidden", 403, null);
                },
                listener,
                clock,
                sleeper,
                ResourceDeletion.INTERRUPTED_REQUEST_TIMEOUT);

        assertThat(listener.progress)
                .containsExactly(
                        "found no pod gpu-train-1 to delete (none under that name carries this create's id: nothing"
                                + " was stored, it is gone already, or it is another's)",
                        "could not delete pod gpu-train-1 (Forbidden); delete it with: kubectl delete pod -n ml -l"
                                + " gpu-train.jenkins.io/create-id=id-1 --field-selector metadata.name=gpu-train-1");
    }

    /**
     * Issue 14 review (14a) 3: while the run is being stopped, one request that gets no answer must not outlast the
     * limit (the client's request timeout is 30 s in the CLI): each is bounded and sent once, so an API server that
     * never answers ends in the {@code kubectl} line within the limit. Here the bound is 200 ms and the limit runs on
     * the sleeper's clock: 6 requests of about 200 ms each, where the client's own timeout would take 10 s for one.
     */
    @Test
    void whileInterruptedEachRequestIsBoundedSoThatTheLimitHolds() {
        server.expect()
                .delete()
                .delay(60, TimeUnit.SECONDS)
                .withPath("/api/v1/namespaces/ml/secrets/gpu-train-secret-1")
                .andReturn(200, "{}")
                .always();
        boolean interruptKept = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> {
            Thread.currentThread().interrupt();
            ResourceDeletion.delete(
                    SECRET,
                    client,
                    c -> c.secrets()
                            .inNamespace("ml")
                            .withName("gpu-train-secret-1")
                            .delete(),
                    listener,
                    clock,
                    sleeper,
                    Duration.ofMillis(200));
            return Thread.interrupted();
        });

        assertThat(interruptKept).isTrue();
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(ResourceDeletion.INTERRUPTED_LIMIT);
        assertThat(listener.progress)
                .last()
                .asString()
                .startsWith("could not delete secret gpu-train-secret-1 (")
                .endsWith("); delete it with: kubectl delete secret gpu-train-secret-1 -n ml");
    }

    private void delete(Runnable deletion) {
        ResourceDeletion.delete(
                SECRET,
                client,
                c -> {
                    deletion.run();
                    return List.of(new StatusDetails());
                },
                listener,
                clock,
                sleeper,
                ResourceDeletion.INTERRUPTED_REQUEST_TIMEOUT);
    }

    private static KubernetesClientException unanswered() {
        return new KubernetesClientException("Connection refused", new IOException("Connection refused"));
    }
}
