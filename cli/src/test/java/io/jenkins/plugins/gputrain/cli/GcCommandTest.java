package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretListBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpu-train gc} end to end: a kubeconfig pointing at the mock API server. */
@EnableKubernetesMockClient
class GcCommandTest {
    private static final String LIST =
            "/api/v1/namespaces/ml/pods?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dgpu-train";
    private static final String SECRETS =
            "/api/v1/namespaces/ml/secrets?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dgpu-train";

    KubernetesMockServer server;

    @TempDir
    Path directory;

    private Path kubeconfig;

    @BeforeEach
    void pointTheKubeconfigAtTheMockServer() throws IOException {
        kubeconfig = MockKubeconfig.write(directory, server);
    }

    @Test
    void deletesTheOldGpuTrainPodsAndSaysWhich() {
        Instant now = Instant.now();
        answerPods(
                pod("gpu-train-gt-old", now.minus(Duration.ofHours(3))),
                pod("gpu-train-gt-new", now.minus(Duration.ofMinutes(5))));
        server.expect()
                .delete()
                .withPath("/api/v1/namespaces/ml/pods/gpu-train-gt-old")
                .andReturn(200, pod("gpu-train-gt-old", now))
                .once();
        answerSecrets(secret("gpu-train-gt-old-dvc-remote", now.minus(Duration.ofHours(3))));
        server.expect()
                .delete()
                .withPath("/api/v1/namespaces/ml/secrets/gpu-train-gt-old-dvc-remote")
                .andReturn(200, "{}")
                .once();

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString(), "--older-than", "1h");

        assertThat(run.exitCode).isZero();
        assertThat(run.out)
                .isEqualTo("deleted pod ml/gpu-train-gt-old\ndeleted secret ml/gpu-train-gt-old-dvc-remote\n");
    }

    @Test
    void dryRunOnlyLists() {
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        answerPods(pod("gpu-train-gt-old", created));
        answerSecrets();

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString(), "--dry-run");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).isEqualTo("would delete pod ml/gpu-train-gt-old (created 2026-01-01T00:00:00Z)\n");
    }

    @Test
    void forbiddenListIsOneLineNamingTheServerAndTheStatus() {
        server.expect().get().withPath(LIST).andReturn(403, "forbidden").always();

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err)
                .startsWith("ERROR: Kubernetes API at " + server.url("/") + " (kubeconfig " + kubeconfig
                        + ", context mock, cluster mock) answered HTTP 403: ");
        assertThat(run.err.lines()).hasSize(1);
    }

    @Test
    void credentialsThatMayNotListSecretsStillCollectPods() {
        answerPods();
        server.expect().get().withPath(SECRETS).andReturn(403, "forbidden").always();

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.out)
                .isEqualTo("secrets not checked: these credentials may not list secrets in namespace ml (HTTP 403)\n"
                        + "no gpu-train pods or secrets older than 1h in namespace ml\n");
    }

    @Test
    void aBadAgeIsAUsageError() {
        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString(), "--older-than", "soon");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("error: --older-than 'soon': ");
    }

    private void answerPods(Pod... pods) {
        server.expect()
                .get()
                .withPath(LIST)
                .andReturn(200, new PodListBuilder().addToItems(pods).build())
                .once();
    }

    private void answerSecrets(Secret... secrets) {
        server.expect()
                .get()
                .withPath(SECRETS)
                .andReturn(200, new SecretListBuilder().addToItems(secrets).build())
                .once();
    }

    private static Secret secret(String name, Instant created) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withCreationTimestamp(created.toString())
                .endMetadata()
                .build();
    }

    private static Pod pod(String name, Instant created) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("ml")
                .withCreationTimestamp(created.toString())
                .endMetadata()
                .build();
    }
}
