package io.jenkins.plugins.gputrain.pipeline;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.jenkins.plugins.gputrain.FormChoice;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.pipeline.CredentialBinding;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteCredentialKind;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteSecret;
import io.jenkins.plugins.gputrain.core.pipeline.StepArgument;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The DVC remote credentials by their kind: the {@code withCredentials} binding for the Pipeline step, the Kubernetes
 * Secret content for the freestyle step, the drop-down entry for the configuration page.
 */
public final class DvcRemoteCredentials {
    private DvcRemoteCredentials() {}

    /**
     * The binding for the credentials a build found under {@code dvcRemoteCredentialsId}.
     *
     * @param credentialsId the id as configured
     * @param credentials what the build can see under that id, or {@code null} for nothing
     * @return the binding
     * @throws InvalidSpecException naming {@code dvcRemoteCredentialsId} when there is nothing or another kind
     */
    public static CredentialBinding binding(String credentialsId, Object credentials) {
        return requireKind(credentialsId, credentials).binding(credentialsId);
    }

    /**
     * The Kubernetes Secret content for the credentials a build found under {@code dvcRemoteCredentialsId}, for a pod
     * the freestyle step creates itself.
     *
     * @param credentialsId the id as configured
     * @param credentials what the build can see under that id, or {@code null} for nothing
     * @return the Secret's content
     * @throws InvalidSpecException naming {@code dvcRemoteCredentialsId} when there is nothing, another kind, or a
     *     secret file larger than a Secret holds
     * @throws IOException when a secret file cannot be read
     */
    public static DvcRemoteSecret secret(String credentialsId, Object credentials) throws IOException {
        return switch (requireKind(credentialsId, credentials)) {
            case FILE -> {
                try (InputStream content = ((FileCredentials) credentials).getContent()) {
                    yield DvcRemoteSecret.file(credentialsId, content.readNBytes(DvcRemoteSecret.MAX_BYTES + 1));
                }
            }
            case USERNAME_PASSWORD -> {
                StandardUsernamePasswordCredentials pair = (StandardUsernamePasswordCredentials) credentials;
                yield DvcRemoteSecret.usernamePassword(
                        pair.getUsername(), pair.getPassword().getPlainText());
            }
            case SECRET_TEXT ->
                DvcRemoteSecret.secretText(
                        ((StringCredentials) credentials).getSecret().getPlainText());
        };
    }

    private static DvcRemoteCredentialKind requireKind(String credentialsId, Object credentials) {
        return kindOf(credentials)
                .orElseThrow(() -> new InvalidSpecException(
                        StepArgument.DVC_REMOTE_CREDENTIALS_ID.argumentName(),
                        credentialsId,
                        credentials == null
                                ? Messages.DvcRemoteCredentials_NotFound()
                                : Messages.DvcRemoteCredentials_OtherKind() + " ("
                                        + credentials.getClass().getSimpleName() + ")",
                        DvcRemoteCredentialKind.EXPECTED));
    }

    /**
     * The kind of credentials, if gpu-train can bind it for DVC.
     *
     * @param credentials any credentials, or {@code null}
     * @return the kind, or empty for {@code null} and kinds gpu-train cannot bind
     */
    public static Optional<DvcRemoteCredentialKind> kindOf(Object credentials) {
        if (credentials instanceof FileCredentials) {
            return Optional.of(DvcRemoteCredentialKind.FILE);
        } else if (credentials instanceof StandardUsernamePasswordCredentials) {
            return Optional.of(DvcRemoteCredentialKind.USERNAME_PASSWORD);
        } else if (credentials instanceof StringCredentials) {
            return Optional.of(DvcRemoteCredentialKind.SECRET_TEXT);
        }
        return Optional.empty();
    }

    /**
     * The drop-down entry for credentials: their description and id, or the id alone when there is no description.
     */
    public static FormChoice choice(StandardCredentials credentials) {
        String description = credentials.getDescription();
        String id = credentials.getId();
        return new FormChoice(description == null || description.isBlank() ? id : description + " (" + id + ")", id);
    }
}
