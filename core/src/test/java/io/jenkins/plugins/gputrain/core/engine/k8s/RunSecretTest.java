package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class RunSecretTest {
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
                .isInstanceOf(KubernetesClientException.class);
        assertThat(client.secrets().inNamespace("ml").withName("taken").get().getData())
                .containsEntry("k", "AQ==");
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
