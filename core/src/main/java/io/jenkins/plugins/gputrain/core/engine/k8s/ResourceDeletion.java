package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.jenkins.plugins.gputrain.core.engine.DeletionOutcome;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes what a training created, also while the thread is being interrupted (an aborted build must still clean
 * up): the interrupt is set aside for the call and restored after it. An API server that does not answer
 * ({@link ApiOutage}: restarted, failed over) is tried again, pausing 1 s, 2 s, 4 s, … for up to
 * {@link ApiOutage#LIMIT}, or {@link #INTERRUPTED_LIMIT} when the run is being stopped (the CLI's shutdown waits 30 s
 * for the clean-up); an answered refusal is not. While the run is being stopped each request is also bounded: at most
 * {@link #INTERRUPTED_REQUEST_TIMEOUT} and what is left of the limit, sent once (fabric8 7.3.1 gives a request that
 * gets no answer its request timeout, 30 s here, plus a fail-safe of up to 5 s more, {@code StandardHttpClient}, and
 * sends it again after an I/O error), so that the {@code kubectl} line comes within the limit and not a request
 * timeout later. A failure is told, with the {@code kubectl} command to finish the job by hand, and never thrown, so
 * it cannot hide the training's own outcome.
 */
final class ResourceDeletion {
    /** How long a deletion is retried while the run is being interrupted. */
    static final Duration INTERRUPTED_LIMIT = Duration.ofSeconds(20);

    /**
     * The longest one deletion request may wait for its answer while the run is being stopped: with the fail-safe
     * (as long again), a request sent just before {@link #INTERRUPTED_LIMIT} still ends within the CLI's 30 s.
     */
    static final Duration INTERRUPTED_REQUEST_TIMEOUT = Duration.ofSeconds(4);

    /** One deletion request, sent with the client given (the caller's, or one with a shorter request timeout). */
    @FunctionalInterface
    interface Request {
        /**
         * Sends the request.
         *
         * @return what was deleted; empty when there was nothing to delete (HTTP 404)
         */
        List<StatusDetails> send(KubernetesClient client);
    }

    private ResourceDeletion() {}

    /**
     * Deletes.
     *
     * @param object what is deleted, as the lines name it
     * @param client the cluster
     * @param deletion the API call, sent with {@code client} or, while the run is being stopped, with one of shorter
     *     request timeouts
     * @param listener where the outcome is told
     * @return what the deletion did
     */
    static DeletionOutcome delete(
            CreatedObject object, KubernetesClient client, Request deletion, ProgressListener listener) {
        return delete(
                object, client, deletion, listener, Clock.systemUTC(), Sleeper.THREAD, INTERRUPTED_REQUEST_TIMEOUT);
    }

    /**
     * As {@link #delete(CreatedObject, KubernetesClient, Request, ProgressListener)}, on the given clock and
     * sleeper, with the given bound of one request while the run is being stopped.
     */
    static DeletionOutcome delete(
            CreatedObject object,
            KubernetesClient client,
            Request deletion,
            ProgressListener listener,
            Clock clock,
            Sleeper sleeper,
            Duration interruptedRequestTimeout) {
        String kind = object.kind().kubectlName();
        String name = object.name();
        boolean interrupted = Thread.interrupted();
        Duration limit = interrupted ? INTERRUPTED_LIMIT : ApiOutage.LIMIT;
        Instant start = clock.instant();
        Duration pause = Duration.ofSeconds(1);
        try {
            while (true) {
                Duration left = limit.minus(Duration.between(start, clock.instant()));
                try {
                    KubernetesClient sender =
                            interrupted ? bounded(client, min(interruptedRequestTimeout, left)) : client;
                    boolean found = !deletion.send(sender).isEmpty();
                    listener.progress(
                            found
                                    ? "deleted " + kind + " " + name
                                    : "found no " + kind + " " + name + " to delete (" + object.nothingToDelete()
                                            + ")");
                    return told(object, found ? DeletionOutcome.DELETED : DeletionOutcome.NOTHING, listener);
                } catch (KubernetesClientException e) {
                    left = limit.minus(Duration.between(start, clock.instant()));
                    if (!unanswered(e) || left.isNegative() || left.isZero()) {
                        tellFailure(object, ApiErrors.firstLine(e), listener);
                        return told(object, DeletionOutcome.FAILED, listener);
                    }
                    Duration wait = min(pause, left);
                    listener.progress("deleting " + kind + " " + name + ": the Kubernetes API did not answer ("
                            + ApiErrors.firstLine(e) + "); retrying in " + DurationSpec.format(wait));
                    sleeper.sleep(wait);
                    pause = pause.multipliedBy(2);
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            tellFailure(object, "interrupted while the Kubernetes API did not answer", listener);
            return told(object, DeletionOutcome.FAILED, listener);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The client with a request timeout of {@code timeout} (at least 1 ms) and no resend of its own. */
    private static KubernetesClient bounded(KubernetesClient client, Duration timeout) {
        return client.newClient(
                        new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                                .withRequestTimeout((int) Math.max(1, timeout.toMillis()))
                                .withRequestRetryBackoffLimit(0)
                                .build())
                .adapt(KubernetesClient.class);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /**
     * A deletion the API server did not carry out for now: no answer, HTTP 429 (an API server shutting down
     * gracefully answers it with {@code Retry-After}: k8s.io/apiserver v0.35.4 {@code filters/with_retry_after.go}) or
     * 5xx (a load balancer in front of it: 502, 503).
     */
    private static boolean unanswered(KubernetesClientException e) {
        return ApiOutage.connectionError(e) || e.getCode() == 429 || e.getCode() >= 500;
    }

    private static DeletionOutcome told(CreatedObject object, DeletionOutcome outcome, ProgressListener listener) {
        listener.afterDeletion(object.kind().kubectlName(), object.name(), outcome);
        return outcome;
    }

    private static void tellFailure(CreatedObject object, String why, ProgressListener listener) {
        listener.progress("could not delete " + object.kind().kubectlName() + " " + object.name() + " (" + why
                + "); delete it with: " + object.deleteCommand());
    }
}
