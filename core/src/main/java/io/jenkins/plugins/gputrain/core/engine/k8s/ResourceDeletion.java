package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what a training created, also while the thread is being interrupted (an aborted build must still clean
 * up): the interrupt is set aside for the call and restored after it. An API server that does not answer
 * ({@link ApiOutage}: restarted, failed over) is tried again, pausing 1 s, 2 s, 4 s, … for up to
 * {@link ApiOutage#LIMIT}, or {@link #INTERRUPTED_LIMIT} when the run is being stopped (the CLI's shutdown waits 30 s
 * for the clean-up); an answered refusal is not. A failure is told, with the {@code kubectl} command to finish the job
 * by hand, and never thrown, so it cannot hide the training's own outcome.
 */
final class ResourceDeletion {
    /** How long a deletion is retried while the run is being interrupted. */
    static final Duration INTERRUPTED_LIMIT = Duration.ofSeconds(20);

    private ResourceDeletion() {}

    /**
     * Deletes.
     *
     * @param kind the resource kind as {@code kubectl} names it, e.g. {@code pod}
     * @param namespace the namespace
     * @param name the resource's name
     * @param deletion the API call
     * @param listener where the outcome is told
     */
    static void delete(String kind, String namespace, String name, Runnable deletion, ProgressListener listener) {
        delete(kind, namespace, name, deletion, listener, Clock.systemUTC(), Sleeper.THREAD);
    }

    /** As {@link #delete(String, String, String, Runnable, ProgressListener)}, on the given clock and sleeper. */
    static void delete(
            String kind,
            String namespace,
            String name,
            Runnable deletion,
            ProgressListener listener,
            Clock clock,
            Sleeper sleeper) {
        boolean interrupted = Thread.interrupted();
        Duration limit = interrupted ? INTERRUPTED_LIMIT : ApiOutage.LIMIT;
        Instant start = clock.instant();
        Duration pause = Duration.ofSeconds(1);
        try {
            while (true) {
                try {
                    deletion.run();
                    listener.progress("deleted " + kind + " " + name);
                    return;
                } catch (KubernetesClientException e) {
                    Duration left = limit.minus(Duration.between(start, clock.instant()));
                    if (!unanswered(e) || left.isNegative() || left.isZero()) {
                        tellFailure(kind, namespace, name, ApiErrors.firstLine(e), listener);
                        return;
                    }
                    Duration wait = pause.compareTo(left) < 0 ? pause : left;
                    listener.progress("deleting " + kind + " " + name + ": the Kubernetes API did not answer ("
                            + ApiErrors.firstLine(e) + "); retrying in " + DurationSpec.format(wait));
                    sleeper.sleep(wait);
                    pause = pause.multipliedBy(2);
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            tellFailure(kind, namespace, name, "interrupted while the Kubernetes API did not answer", listener);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A deletion the API server did not carry out for now: no answer, HTTP 429 (an API server shutting down
     * gracefully answers it with {@code Retry-After}: k8s.io/apiserver v0.35.4 {@code filters/with_retry_after.go}) or
     * 5xx (a load balancer in front of it: 502, 503).
     */
    private static boolean unanswered(KubernetesClientException e) {
        return ApiOutage.connectionError(e) || e.getCode() == 429 || e.getCode() >= 500;
    }

    private static void tellFailure(String kind, String namespace, String name, String why, ProgressListener listener) {
        listener.progress("could not delete " + kind + " " + name + " (" + why + "); delete it with: kubectl delete "
                + kind + " " + name + " -n " + namespace);
    }
}
