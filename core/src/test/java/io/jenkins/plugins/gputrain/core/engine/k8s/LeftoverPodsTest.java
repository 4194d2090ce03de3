package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leftover pods against the mock server's expectations (CRUD mode stamps its own creation times, so ages could not
 * be set): the API answers the label-selected list, the test reads back which requests were made.
 */
@EnableKubernetesMockClient
class LeftoverPodsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String LIST =
            "/api/v1/namespaces/ml/pods?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dgpu-train";

    KubernetesMockServer server;
    KubernetesClient client;

    private LeftoverPods leftovers;

    @BeforeEach
    void answerTheList() {
        server.expect()
                .get()
                .withPath(LIST)
                .andReturn(
                        200,
                        new PodListBuilder()
                                .addToItems(
                                        pod("gpu-train-old", NOW.minus(Duration.ofHours(5))),
                                        pod("gpu-train-older", NOW.minus(Duration.ofHours(9))),
                                        pod("gpu-train-new", NOW.minus(Duration.ofMinutes(10))),
                                        new PodBuilder()
                                                .withNewMetadata()
                                                .withName("gpu-train-unstamped")
                                                .endMetadata()
                                                .build())
                                .build())
                .always();
        for (String name : List.of("gpu-train-old", "gpu-train-older")) {
            server.expect()
                    .delete()
                    .withPath("/api/v1/namespaces/ml/pods/" + name)
                    .andReturn(200, pod(name, NOW))
                    .once();
        }
        leftovers = new LeftoverPods(client, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void deletesOnlyPodsOlderThanTheAgeOldestFirstAndOnlyAsksForGpuTrainPods() throws Exception {
        assertThat(leftovers.delete("ml", Duration.ofHours(1))).containsExactly("gpu-train-older", "gpu-train-old");

        assertThat(requests())
                .containsExactly(
                        "GET " + LIST,
                        "DELETE /api/v1/namespaces/ml/pods/gpu-train-older",
                        "DELETE /api/v1/namespaces/ml/pods/gpu-train-old");
    }

    @Test
    void findListsWithoutDeleting() throws Exception {
        assertThat(leftovers.find("ml", Duration.ofHours(6)))
                .extracting(pod -> pod.getMetadata().getName())
                .containsExactly("gpu-train-older");
        assertThat(requests()).containsExactly("GET " + LIST);
    }

    @Test
    void nothingOldEnoughDeletesNothing() throws Exception {
        assertThat(leftovers.delete("ml", Duration.ofDays(1))).isEmpty();
        assertThat(requests()).containsExactly("GET " + LIST);
    }

    private List<String> requests() throws InterruptedException {
        List<String> made = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            made.add(request.getMethod() + " " + request.getPath());
        }
        return made;
    }

    private static Pod pod(String name, Instant created) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("ml")
                .withCreationTimestamp(created.toString())
                .addToLabels(TrainingPodFactory.MANAGED_BY_LABEL, TrainingPodFactory.MANAGED_BY)
                .endMetadata()
                .build();
    }
}
