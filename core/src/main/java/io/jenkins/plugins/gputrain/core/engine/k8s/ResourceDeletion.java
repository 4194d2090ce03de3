package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;

/**
 * Deletes what a training created, also while the thread is being interrupted (an aborted build must still clean
 * up): the interrupt is set aside for the call and restored after it. A failure is told, with the {@code kubectl}
 * command to finish the job by hand, and never thrown, so it cannot hide the training's own outcome.
 */
final class ResourceDeletion {
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
        boolean interrupted = Thread.interrupted();
        try {
            deletion.run();
            listener.progress("deleted " + kind + " " + name);
        } catch (KubernetesClientException e) {
            listener.progress("could not delete " + kind + " " + name + " (" + ApiErrors.firstLine(e)
                    + "); delete it with: kubectl delete " + kind + " " + name + " -n " + namespace);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
