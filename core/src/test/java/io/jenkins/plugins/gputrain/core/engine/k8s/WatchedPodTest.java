package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pod's watch that the client ends for good ({@code 410 Gone}, which fabric8 does not reconnect from) is opened
 * again, and the state the new watch delivers is the one a gone pod is named by, against the mock server's
 * expectations.
 */
@EnableKubernetesMockClient
class WatchedPodTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    @Timeout(30)
    void aWatchEndedWith410IsOpenedAgainAndItsConditionNamesTheGonePod() throws Exception {
        MockWatches.once(server, MockWatches.expired());
        MockWatches.once(server, new WatchEvent(disrupted("2"), "MODIFIED"), new WatchEvent(disrupted("3"), "DELETED"));

        try (WatchedPod watched =
                WatchedPod.of(client.pods().inNamespace("test").withName("w1"), Duration.ofSeconds(25))) {
            assertThat(watched.gone())
                    .map(PodFailure::message)
                    .contains("The pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): Eviction API:"
                            + " evicting");
        }
    }

    private static Pod disrupted(String resourceVersion) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("w1")
                .withNamespace("test")
                .withResourceVersion(resourceVersion)
                .withDeletionTimestamp("2026-12-03T00:00:00Z")
                .endMetadata()
                .withNewStatus()
                .withPhase("Running")
                .addNewCondition()
                .withType("DisruptionTarget")
                .withStatus("True")
                .withReason("EvictionByEvictionAPI")
                .withMessage("Eviction API: evicting")
                .endCondition()
                .endStatus()
                .build();
    }
}
