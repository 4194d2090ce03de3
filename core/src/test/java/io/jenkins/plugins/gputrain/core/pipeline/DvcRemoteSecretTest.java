package io.jenkins.plugins.gputrain.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.gputrain.core.pod.PodManifest;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DvcRemoteSecretTest {
    @Test
    void anAccessKeyPairBecomesTheVariablesThePipelineBindsReadFromTheSecret() {
        DvcRemoteSecret secret = DvcRemoteSecret.usernamePassword("AKIA1", "s3cr3t");

        assertThat(secret.data()).containsOnlyKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        assertThat(secret.data().get("AWS_SECRET_ACCESS_KEY"))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("s3cr3t");
        Container dvc = pod(secret);
        assertThat(dvc.getEnv())
                .allSatisfy(env -> {
                    assertThat(env.getValue()).isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("run-secret");
                    assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(env.getName());
                })
                .extracting(env -> env.getName())
                .containsExactly("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void aConnectionStringBecomesOneVariable() {
        Container dvc = pod(DvcRemoteSecret.secretText("DefaultEndpointsProtocol=https;AccountKey=k3y"));

        assertThat(dvc.getEnv()).extracting(env -> env.getName()).containsExactly("AZURE_STORAGE_CONNECTION_STRING");
    }

    @Test
    void aSecretFileIsMountedAndNamedByGoogleApplicationCredentials() {
        Container dvc = pod(DvcRemoteSecret.file("gcs", "{\"private_key\":\"k3y\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(dvc.getEnv())
                .singleElement()
                .satisfies(env -> assertThat(env.getName()).isEqualTo("GOOGLE_APPLICATION_CREDENTIALS"))
                .satisfies(env -> assertThat(env.getValue()).isEqualTo(DvcRemoteSecret.FILE_PATH));
        assertThat(dvc.getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo(DvcRemoteSecret.FILE_PATH));
    }

    @Test
    void noValueIsInThePodManifestOrTheDescription() {
        for (DvcRemoteSecret secret : new DvcRemoteSecret[] {
            DvcRemoteSecret.usernamePassword("AKIA1", "s3cr3t"),
            DvcRemoteSecret.secretText("AccountKey=s3cr3t"),
            DvcRemoteSecret.file("gcs", "s3cr3t".getBytes(StandardCharsets.UTF_8))
        }) {
            TrainingPodSpec.Builder spec = TrainingPodSpec.builder("r");
            secret.referenceFrom(spec, "run-secret");
            Pod pod = new TrainingPodFactory().create(spec.build());

            assertThat(new PodManifest().toYaml(pod)).doesNotContain("s3cr3t").contains("run-secret");
            assertThat(new PodManifest().toJson(pod)).doesNotContain("s3cr3t");
            assertThat(secret.toString())
                    .doesNotContain("s3cr3t")
                    .contains(secret.kind().name());
        }
    }

    @Test
    void aFileLargerThanASecretHoldsIsRefusedNamingTheCredentials() {
        byte[] large = new byte[DvcRemoteSecret.MAX_BYTES + 1];

        assertThatThrownBy(() -> DvcRemoteSecret.file("gcs-key", large))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("dvcRemoteCredentialsId 'gcs-key': the secret file has 1048577 bytes, more than a"
                        + " Kubernetes Secret holds (expected a secret file of at most 1 MiB)");
    }

    private static Container pod(DvcRemoteSecret secret) {
        TrainingPodSpec.Builder spec = TrainingPodSpec.builder("r");
        secret.referenceFrom(spec, "run-secret");
        return new TrainingPodFactory()
                .create(spec.build())
                .getSpec()
                .getContainers()
                .get(0);
    }
}
