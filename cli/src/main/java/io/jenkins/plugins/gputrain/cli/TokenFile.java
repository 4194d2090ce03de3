package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A bearer token read from a kubeconfig user's {@code tokenFile}, which the Kubernetes client does not read itself.
 * The file is read again for every request, as client-go re-reads it, so that a rotated token (a projected service
 * account token) is used; when it cannot be read any more, the last token read is.
 */
final class TokenFile implements OAuthTokenProvider {
    /** Largest token file read. */
    static final int MAX_BYTES = 64 * 1024;

    private final Path file;
    private volatile String token;

    private TokenFile(Path file, String token) {
        this.file = file;
        this.token = token;
    }

    /**
     * Reads the token file.
     *
     * @param file the file
     * @param where the kubeconfig, context and user, for messages
     * @return the provider
     * @throws CommandFailure naming the file when it cannot be read or is empty
     */
    static TokenFile read(Path file, String where) throws CommandFailure {
        String token;
        try {
            token = BoundedFile.read(file, MAX_BYTES).strip();
        } catch (IOException e) {
            throw new CommandFailure(
                    where + ": cannot read tokenFile " + file + ": "
                            + (e instanceof BoundedFile.Refused ? e.getMessage() : FileProblem.reason(e)),
                    e);
        }
        if (token.isEmpty()) {
            throw new CommandFailure(where + ": tokenFile " + file + " is empty (expected a bearer token)");
        }
        return new TokenFile(file, token);
    }

    @Override
    public String getToken() {
        try {
            String read = BoundedFile.read(file, MAX_BYTES).strip();
            if (!read.isEmpty()) {
                token = read;
            }
        } catch (IOException e) {
            // the last token read stays in use
        }
        return token;
    }
}
