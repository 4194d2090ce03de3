package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The API server not answering while a run waits for its pod (restarted, upgraded, failed over): a call that fails
 * without an HTTP status (fabric8 gives no code above 0, e.g. a watch's "Connection was closed") or with an
 * {@link IOException} in its cause chain (connection refused or reset) is tolerated for up to {@link #LIMIT} and told
 * once, then again when it answers; an answered error (any HTTP status), or an outage longer than that, is not.
 */
final class ApiOutage {
    /** How long the API server may not answer before the run fails. */
    static final Duration LIMIT = Duration.ofMinutes(2);

    private final Clock clock;
    private final ProgressListener listener;
    private Instant since;

    ApiOutage(Clock clock, ProgressListener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Whether to retry after a failed call.
     *
     * @param e what the client threw
     * @param during what was being done, e.g. {@code waiting for pod gpu-train-1}
     * @return true when it is a connection error within {@link #LIMIT} of the first one
     */
    boolean tolerate(KubernetesClientException e, String during) {
        if (!connectionError(e)) {
            return false;
        }
        Instant now = clock.instant();
        if (since == null) {
            since = now;
            listener.progress("the Kubernetes API did not answer while " + during + " (" + ApiErrors.firstLine(e)
                    + "); retrying for up to " + DurationSpec.format(LIMIT));
            return true;
        }
        return Duration.between(since, now).compareTo(LIMIT) < 0;
    }

    /**
     * Caps a pause before the next try at what is left of {@link #LIMIT}, so that the last try comes at the limit and
     * not a pause after it.
     */
    Duration pauseWithin(Duration pause) {
        if (since == null) {
            return pause;
        }
        Duration left = LIMIT.minus(Duration.between(since, clock.instant()));
        return left.compareTo(pause) < 0 ? left : pause;
    }

    /** A call succeeded: an outage, if there was one, is over. */
    void answered(String during) {
        if (since != null) {
            listener.progress("the Kubernetes API answers again (" + during + ")");
            since = null;
        }
    }

    /** A call that failed without an answer: no HTTP status, or an {@link IOException} in its cause chain. */
    static boolean connectionError(KubernetesClientException e) {
        if (e.getCode() <= 0) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
