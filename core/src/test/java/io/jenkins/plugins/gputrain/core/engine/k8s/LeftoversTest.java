package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.SecretListBuilder;
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
 * Leftover pods and Secrets against the mock server's expectations (CRUD mode stamps its own creation times, so ages could not
 * be set): the API answers the label-selected list, the test reads back which requests were made.
 */
@EnableKubernetesMockClient
class LeftoversTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String LIST =
            "/api/v1/namespaces/ml/pods?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dgpu-train";
    private static final String SECRETS =
            "/api/v1/namespaces/ml/secrets?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dgpu-train";

    KubernetesMockServer server;
    KubernetesClient client;

    private Leftovers leftovers;

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
        server.expect()
                .get()
                .withPath(SECRETS)
                .andReturn(
                        200,
                        new SecretListBuilder()
                                .addNewItem()
                                .withNewMetadata()
                                .withName("gpu-train-old-dvc-remote")
                                .withCreationTimestamp(
                                        NOW.minus(Duration.ofHours(5)).toString())
                                .endMetadata()
                                .endItem()
                                .build())
                .always();
        server.expect()
                .delete()
                .withPath("/api/v1/namespaces/ml/secrets/gpu-train-old-dvc-remote")
                .andReturn(200, "{}")
                .once();
        leftovers = new Leftovers(client, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void deletesOnlyPodsOlderThanTheAgeOldestFirstAndOnlyAsksForGpuTrainPods() throws Exception {
        assertThat(leftovers.delete(Leftovers.Kind.POD, "ml", Duration.ofHours(1)))
                .extracting(Leftovers.Leftover::name)
                .containsExactly("gpu-train-older", "gpu-train-old");

        assertThat(requests())
                .containsExactly(
                        "GET " + LIST,
                        "DELETE /api/v1/namespaces/ml/pods/gpu-train-older",
                        "DELETE /api/v1/namespaces/ml/pods/gpu-train-old");
    }

    @Test
    void findListsWithoutDeleting() throws Exception {
        assertThat(leftovers.find(Leftovers.Kind.POD, "ml", Duration.ofHours(6)))
                .containsExactly(
                        new Leftovers.Leftover(Leftovers.Kind.POD, "gpu-train-older", NOW.minus(Duration.ofHours(9))));
        assertThat(requests()).containsExactly("GET " + LIST);
    }

    @Test
    void nothingOldEnoughDeletesNothing() throws Exception {
        assertThat(leftovers.delete(Leftovers.Kind.POD, "ml", Duration.ofDays(1)))
                .isEmpty();
        assertThat(requests()).containsExactly("GET " + LIST);
    }

    @Test
    void leftoverSecretsAreDeletedTheSameWay() throws Exception {
        assertThat(leftovers.delete(Leftovers.Kind.SECRET, "ml", Duration.ofHours(1)))
                .extracting(Leftovers.Leftover::name)
                .containsExactly("gpu-train-old-dvc-remote");

        assertThat(requests())
                .containsExactly("GET " + SECRETS, "DELETE /api/v1/namespaces/ml/secrets/gpu-train-old-dvc-remote");
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
