package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.io.InterruptedIOException;

/** Tells an interrupted API call or stream from a failed one. */
final class ClientInterrupts {
    private ClientInterrupts() {}

    /**
     * An interrupt during an API call or a stream write reaches us as a client exception or an I/O exception; it is
     * turned back into an interrupt so that callers stop (and clean up) instead of reporting a failure. Returns
     * normally when {@code e} was not caused by an interrupt.
     *
     * @param e what the client or stream threw
     * @param during what was being done, e.g. {@code waiting for the pod}
     * @throws InterruptedException when the thread was interrupted
     */
    static void rethrowIfInterrupted(Exception e, String during) throws InterruptedException {
        boolean interrupted = Thread.currentThread().isInterrupted();
        for (Throwable cause = e; cause != null && !interrupted; cause = cause.getCause()) {
            interrupted = cause instanceof InterruptedException || cause instanceof InterruptedIOException;
        }
        if (interrupted) {
            InterruptedException interrupt = new InterruptedException("interrupted while " + during);
            interrupt.initCause(e);
            throw interrupt;
        }
    }
}
