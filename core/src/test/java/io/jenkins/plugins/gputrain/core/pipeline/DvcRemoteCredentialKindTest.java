package io.jenkins.plugins.gputrain.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DvcRemoteCredentialKindTest {
    @Test
    void eachKindBindsTheVariablesItsDvcRemoteReads() {
        assertThat(DvcRemoteCredentialKind.FILE.binding("gcs-key"))
                .isEqualTo(new CredentialBinding(
                        "file", Map.of("credentialsId", "gcs-key", "variable", "GOOGLE_APPLICATION_CREDENTIALS")));
        assertThat(DvcRemoteCredentialKind.USERNAME_PASSWORD.binding("s3").arguments())
                .containsExactly(
                        Map.entry("credentialsId", "s3"),
                        Map.entry("passwordVariable", "AWS_SECRET_ACCESS_KEY"),
                        Map.entry("usernameVariable", "AWS_ACCESS_KEY_ID"));
        assertThat(DvcRemoteCredentialKind.SECRET_TEXT.binding("azure"))
                .isEqualTo(new CredentialBinding(
                        "string", Map.of("credentialsId", "azure", "variable", "AZURE_STORAGE_CONNECTION_STRING")));
    }
}
