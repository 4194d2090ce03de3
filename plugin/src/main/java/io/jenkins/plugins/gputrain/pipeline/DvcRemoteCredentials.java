package io.jenkins.plugins.gputrain.pipeline;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.pipeline.CredentialBinding;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteCredentialKind;
import io.jenkins.plugins.gputrain.core.pipeline.StepArgument;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
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
        DvcRemoteCredentialKind kind;
        if (credentials instanceof FileCredentials) {
            kind = DvcRemoteCredentialKind.FILE;
        } else if (credentials instanceof StandardUsernamePasswordCredentials) {
            kind = DvcRemoteCredentialKind.USERNAME_PASSWORD;
        } else if (credentials instanceof StringCredentials) {
            kind = DvcRemoteCredentialKind.SECRET_TEXT;
        } else {
            throw new InvalidSpecException(
                    StepArgument.DVC_REMOTE_CREDENTIALS_ID.argumentName(),
                    credentialsId,
                    credentials == null
                            ? Messages.DvcRemoteCredentials_NotFound()
                            : Messages.DvcRemoteCredentials_OtherKind() + " ("
                                    + credentials.getClass().getSimpleName() + ")",
                    DvcRemoteCredentialKind.EXPECTED);
        }
        return kind.binding(credentialsId);
    }
}
