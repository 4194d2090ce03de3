package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class RunSecretTest {
    KubernetesMockServer server;
    KubernetesClient client;

    private final RecordedProgress listener = new RecordedProgress();

    @Test
    void theSecretIsLabelledImmutableAndGoneWhenTheTrainingEnds() {
        Map<String, byte[]> data = Map.of("AWS_SECRET_ACCESS_KEY", "s3cr3t".getBytes(StandardCharsets.UTF_8));

        try (RunSecret secret = RunSecret.create(client, "ml", "gpu-train-secret-1", "job-7", data, listener)) {
            Secret stored =
                    client.secrets().inNamespace("ml").withName(secret.name()).get();
            assertThat(stored.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/managed-by", "gpu-train")
                    .containsEntry("gpu-train.jenkins.io/run-id", "job-7");
            assertThat(stored.getImmutable()).isTrue();
            assertThat(stored.getType()).isEqualTo("Opaque");
            assertThat(Base64.getDecoder().decode(stored.getData().get("AWS_SECRET_ACCESS_KEY")))
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("s3cr3t");
        }

        assertThat(client.secrets()
                        .inNamespace("ml")
                        .withName("gpu-train-secret-1")
                        .get())
                .isNull();
        assertThat(listener.output).isEmpty();
        assertThat(listener.progress)
                .containsExactly(
                        "created secret ml/gpu-train-secret-1 with keys [AWS_SECRET_ACCESS_KEY] (deleted when the"
                                + " training ends)",
                        "deleted secret gpu-train-secret-1");
        assertThat(String.join("\n", listener.progress)).doesNotContain("s3cr3t");
    }

    @Test
    void withoutANamespaceTheClientsIsUsed() {
        try (RunSecret secret = RunSecret.create(client, null, "s", "r", Map.of("k", new byte[] {1}), listener)) {
            assertThat(client.secrets()
                            .inNamespace(client.getNamespace())
                            .withName(secret.name())
                            .get())
                    .isNotNull();
        }
    }

    @Test
    void aSecretThatAlreadyExistsIsRefusedAndLeftAlone() {
        RunSecret.create(client, "ml", "taken", "other-run", Map.of("k", new byte[] {1}), ProgressListener.quiet());

        assertThatThrownBy(() -> RunSecret.create(client, "ml", "taken", "r", Map.of("k", new byte[] {2}), listener))
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageStartingWith("cannot create secret ml/taken for the DVC remote credentials (HTTP 409): ");
        assertThat(client.secrets().inNamespace("ml").withName("taken").get().getData())
                .containsEntry("k", "AQ==");
        assertThat(listener.progress).isEmpty();
    }

    /** A create sent again after its answer was lost meets the Secret its first attempt stored: the run's. */
    @Test
    void aSecretStoredByALostAttemptOfTheCreateIsUsed() {
        RunSecret.create(client, "ml", "s", "r", Map.of("k", new byte[] {1}), ProgressListener.quiet());
        // as the API server answers (the mock's own store says reason Invalid)
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/ml/secrets")
                .andReturn(
                        409,
                        new io.fabric8.kubernetes.api.model.StatusBuilder()
                                .withCode(409)
                                .withReason("AlreadyExists")
                                .withMessage("secrets \"s\" already exists")
                                .build())
                .once();

        try (RunSecret secret = RunSecret.create(client, "ml", "s", "r", Map.of("k", new byte[] {1}), listener)) {
            assertThat(secret.name()).isEqualTo("s");
        }
        assertThat(client.secrets().inNamespace("ml").withName("s").get()).isNull();
    }

    /** A create that got no answer (HTTP 5xx) may have stored the Secret all the same: deleted, then thrown. */
    @Test
    void aCreateWithoutAnAnswerDeletesTheSecretItMayHaveStored() {
        RunSecret.create(client, "ml", "s", "r", Map.of("k", new byte[] {1}), ProgressListener.quiet());
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/ml/secrets")
                .andReturn(504, "the server was unable to return a response in the time allotted")
                .always();
        KubernetesClient noRetries = MockClients.withoutRetries(client);

        try (noRetries) {
            assertThatThrownBy(() -> RunSecret.create(noRetries, "ml", "s", "r", Map.of("k", new byte[] {1}), listener))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                            .isEqualTo(504));
        }
        assertThat(client.secrets().inNamespace("ml").withName("s").get()).isNull();
        assertThat(listener.progress).containsExactly("deleted secret s");
    }

    @Test
    void anRbacRefusalIsOneLineWithTheApiServersReasonNotTheRequestDump() {
        String reason = "secrets is forbidden: User \"system:serviceaccount:ml:ci\" cannot create resource"
                + " \"secrets\" in API group \"\" in the namespace \"ml\"";
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/ml/secrets")
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage(reason)
                                .build())
                .once();

        assertThatThrownBy(() -> RunSecret.create(client, "ml", "s", "r", Map.of("k", new byte[] {1}), listener))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(ApiErrors.line(e, 10_000))
                            .isEqualTo(
                                    "cannot create secret ml/s for the DVC remote credentials (HTTP 403): " + reason);
                });
        assertThat(listener.progress).isEmpty();
    }

    @Test
    void anInterruptedBuildStillDeletesTheSecretAndStaysInterrupted() {
        RunSecret secret = RunSecret.create(client, "ml", "s", "r", Map.of("k", new byte[] {1}), listener);

        Thread.currentThread().interrupt();
        secret.close();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(client.secrets().inNamespace("ml").withName("s").get()).isNull();
    }
}
