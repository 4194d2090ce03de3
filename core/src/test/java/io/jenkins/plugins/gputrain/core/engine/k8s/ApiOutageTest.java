package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiOutageTest {
    private static final String DURING = "waiting for pod gpu-train-1";

    private final RecordedProgress listener = new RecordedProgress();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T04:00:00Z"));
    private final ApiOutage outage = new ApiOutage(clock, listener);

    private static KubernetesClientException connectionClosed() {
        return new KubernetesClientException("Connection refused", new IOException("Connection refused"));
    }

    @Test
    void aConnectionErrorIsToleratedUpToTheLimitAndToldOnce() {
        assertThat(outage.tolerate(connectionClosed(), DURING)).isTrue();
        clock.advance(ApiOutage.LIMIT.minusSeconds(1));
        assertThat(outage.tolerate(connectionClosed(), DURING)).isTrue();
        assertThat(listener.progress)
                .containsExactly("the Kubernetes API did not answer while waiting for pod gpu-train-1"
                        + " (Connection refused); retrying for up to 2m");

        clock.advance(Duration.ofSeconds(1));

        assertThat(outage.tolerate(connectionClosed(), DURING))
                .as("after the limit")
                .isFalse();
    }

    @Test
    void anAnswerEndsTheOutageSoTheNextOneHasTheWholeLimitAgain() {
        outage.tolerate(connectionClosed(), DURING);
        clock.advance(ApiOutage.LIMIT);
        outage.answered(DURING);
        outage.answered(DURING);

        assertThat(outage.tolerate(connectionClosed(), DURING)).isTrue();
        assertThat(listener.progress)
                .hasSize(3)
                .element(1)
                .isEqualTo("the Kubernetes API answers again (" + DURING + ")");
    }

    @Test
    void aWatchClosedBeforeItStartedHasNoHttpStatusAndIsTolerated() {
        assertThat(outage.tolerate(new KubernetesClientException("Connection was closed"), DURING))
                .isTrue();
    }

    @Test
    void anErrorTheApiServerAnsweredIsNotTolerated() {
        KubernetesClientException forbidden = new KubernetesClientException("pods is forbidden", 403, null);

        assertThat(outage.tolerate(forbidden, DURING)).isFalse();
        assertThat(listener.progress).isEmpty();
    }
}
