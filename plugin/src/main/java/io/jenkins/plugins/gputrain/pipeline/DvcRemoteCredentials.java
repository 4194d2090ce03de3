package io.jenkins.plugins.gputrain.pipeline;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.jenkins.plugins.gputrain.FormChoice;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.pipeline.CredentialBinding;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteCredentialKind;
import io.jenkins.plugins.gputrain.core.pipeline.StepArgument;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Picks the {@code withCredentials} binding for the DVC remote credentials by their kind. */
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
        return kindOf(credentials)
                .orElseThrow(() -> new InvalidSpecException(
                        StepArgument.DVC_REMOTE_CREDENTIALS_ID.argumentName(),
                        credentialsId,
                        credentials == null
                                ? Messages.DvcRemoteCredentials_NotFound()
                                : Messages.DvcRemoteCredentials_OtherKind() + " ("
                                        + credentials.getClass().getSimpleName() + ")",
                        DvcRemoteCredentialKind.EXPECTED))
                .binding(credentialsId);
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
