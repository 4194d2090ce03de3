package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Tells an interrupted API call from a failed one. */
final class ClientInterrupts {
    private ClientInterrupts() {}

    /**
     * An interrupt during an API call reaches us as a client exception; it is turned back into an interrupt so that
     * callers stop instead of reporting an API error. Any other client exception is rethrown.
     *
     * @param e what the client threw
     * @param during what was being done, e.g. {@code waiting for the pod}
     * @return the interrupt to throw
     */
    static InterruptedException interruptedOr(KubernetesClientException e, String during) {
        if (e.getCause() instanceof InterruptedException
                || Thread.currentThread().isInterrupted()) {
            InterruptedException interrupted = new InterruptedException("interrupted while " + during);
            interrupted.initCause(e);
            return interrupted;
        }
        throw e;
    }
}
