package io.jenkins.plugins.gputrain.core.engine.k8s;

/** Tells an interrupted API call or stream from a failed one. */
final class ClientInterrupts {
    private ClientInterrupts() {}

    /**
     * An interrupt during an API call or a stream write reaches us as a client exception or an I/O exception; it is
     * turned back into an interrupt so that callers stop (and clean up) instead of reporting a failure. Returns
     * normally when {@code e} was not caused by an interrupt: an {@code InterruptedIOException} alone is not one, since
     * okhttp 4.12.0 fails a call timeout with {@code InterruptedIOException("timeout")} and a read timeout with its
     * subclass {@code SocketTimeoutException}; fabric8 7.3.1 reports an interrupted call with the thread's flag set
     * again and the {@code InterruptedException} as the cause ({@code OperationSupport.waitForResult}).
     *
     * @param e what the client or stream threw
     * @param during what was being done, e.g. {@code waiting for the pod}
     * @throws InterruptedException when the thread was interrupted
     */
    static void rethrowIfInterrupted(Exception e, String during) throws InterruptedException {
        boolean interrupted = Thread.currentThread().isInterrupted();
        for (Throwable cause = e; cause != null && !interrupted; cause = cause.getCause()) {
            interrupted = cause instanceof InterruptedException;
        }
        if (interrupted) {
            InterruptedException interrupt = new InterruptedException("interrupted while " + during);
            interrupt.initCause(e);
            throw interrupt;
        }
    }
}
