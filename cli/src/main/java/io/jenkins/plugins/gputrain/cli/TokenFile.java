package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token read from a kubeconfig user's {@code tokenFile}, which the Kubernetes client does not read itself.
 * The file is read again once a minute, as client-go's cached token source re-reads it (transport/token_source.go,
 * period one minute), so that a rotated token (a projected service account token) is used; when it cannot be read any
 * more, the last token read is. Only a regular file is read, so a FIFO never blocks a request.
 */
final class TokenFile implements OAuthTokenProvider {
    /** Largest token file read. */
    static final int MAX_BYTES = 64 * 1024;

    /** How long a token read is used before the file is read again. */
    static final Duration PERIOD = Duration.ofMinutes(1);

    private final Path file;
    private final Clock clock;
    private String token;
    private Instant readAt;

    private TokenFile(Path file, String token, Clock clock) {
        this.file = file;
        this.token = token;
        this.clock = clock;
        this.readAt = clock.instant();
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
        return read(file, where, Clock.systemUTC());
    }

    /** Reads the token file, timing its re-reads by {@code clock} (tests). */
    static TokenFile read(Path file, String where, Clock clock) throws CommandFailure {
        String token;
        try {
            token = BoundedFile.readRegular(file, MAX_BYTES).strip();
        } catch (IOException e) {
            throw new CommandFailure(
                    where + ": cannot read tokenFile " + file + ": "
                            + (e instanceof BoundedFile.Refused ? e.getMessage() : FileProblem.reason(e)),
                    e);
        }
        if (token.isEmpty()) {
            throw new CommandFailure(where + ": tokenFile " + file + " is empty (expected a bearer token)");
        }
        return new TokenFile(file, token, clock);
    }

    @Override
    public synchronized String getToken() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(PERIOD))) {
            return token;
        }
        readAt = now;
        try {
            String read = BoundedFile.readRegular(file, MAX_BYTES).strip();
            if (!read.isEmpty()) {
                token = read;
            }
        } catch (IOException e) {
            // the last token read stays in use
        }
        return token;
    }
}
