package io.jenkins.plugins.gputrain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.FormChoice;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteCredentialKind;
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
}
