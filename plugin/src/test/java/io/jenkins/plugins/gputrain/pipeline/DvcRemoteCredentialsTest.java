package io.jenkins.plugins.gputrain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.FormChoice;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteCredentialKind;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteSecret;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DvcRemoteCredentialsTest {
    @Test
    void theThreeBindableKindsAreRecognisedAndNothingElse() {
        assertThat(DvcRemoteCredentials.kindOf(new TestCredentials.SecretFile("gcs", "")))
                .contains(DvcRemoteCredentialKind.FILE);
        assertThat(DvcRemoteCredentials.kindOf(new TestCredentials.UsernamePassword("s3", "")))
                .contains(DvcRemoteCredentialKind.USERNAME_PASSWORD);
        assertThat(DvcRemoteCredentials.kindOf(new TestCredentials.SecretText("azure", "")))
                .contains(DvcRemoteCredentialKind.SECRET_TEXT);
        assertThat(DvcRemoteCredentials.kindOf(new TestCredentials("ssh-key", "deploy key")))
                .isEmpty();
        assertThat(DvcRemoteCredentials.kindOf(null)).isEmpty();
    }

    @Test
    void theDropDownShowsTheDescriptionAndTheIdAndSavesTheId() {
        assertThat(DvcRemoteCredentials.choice(new TestCredentials.SecretFile("gcs", "GCS service account")))
                .isEqualTo(new FormChoice("GCS service account (gcs)", "gcs"));
        assertThat(DvcRemoteCredentials.choice(new TestCredentials.SecretText("azure", " ")))
                .isEqualTo(new FormChoice("azure", "azure"));
        assertThat(DvcRemoteCredentials.choice(new TestCredentials.SecretText("azure", null)))
                .isEqualTo(new FormChoice("azure", "azure"));
    }

    @Test
    void aSecretFileBecomesTheSecretsFileKey() throws IOException {
        byte[] key = "{\"type\": \"service_account\"}".getBytes(StandardCharsets.UTF_8);

        DvcRemoteSecret secret = DvcRemoteCredentials.secret("gcs", new TestCredentials.SecretFile("gcs", "", key));

        assertThat(secret.kind()).isEqualTo(DvcRemoteCredentialKind.FILE);
        assertThat(secret.data()).containsOnlyKeys(DvcRemoteSecret.FILE_KEY);
        assertThat(secret.data().get(DvcRemoteSecret.FILE_KEY)).isEqualTo(key);
    }

    @Test
    void aSecretFileLargerThanASecretIsRefusedWithoutReadingItAll() {
        TestCredentials.SecretFile huge =
                new TestCredentials.SecretFile("gcs", "", new byte[2 * DvcRemoteSecret.MAX_BYTES]);

        assertThatThrownBy(() -> DvcRemoteCredentials.secret("gcs", huge))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("dvcRemoteCredentialsId 'gcs': the secret file has 1048577 bytes");
    }

    @Test
    void missingOrOtherCredentialsGetThePipelinesMessages() {
        assertThatThrownBy(() -> DvcRemoteCredentials.secret("nope", null))
                .hasMessage("dvcRemoteCredentialsId 'nope': no credentials with this id are visible to this build"
                        + " (expected the id of a Secret file, Username with password or Secret text credential)");
        assertThatThrownBy(() -> DvcRemoteCredentials.secret("ssh", new TestCredentials("ssh", "")))
                .hasMessageStartingWith(
                        "dvcRemoteCredentialsId 'ssh': is another kind of credentials (TestCredentials)");
    }
}
