package io.jenkins.plugins.gputrain.core.engine.k8s;

/** The training pod failed or never ran; the pod has been deleted when this reaches the caller. */
public final class PodFailureException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient PodFailure failure;

    /** Creates the exception for a failure. */
    public PodFailureException(PodFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    /** What went wrong. */
    public PodFailure failure() {
        return failure;
    }
}
