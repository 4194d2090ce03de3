package io.jenkins.plugins.gputrain.core.dvc.repo;

/** A revision name that does not resolve to a commit; DVC fails the command for it. */
public final class UnknownRevisionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a revision name. */
    public UnknownRevisionException(String revision) {
        super("unknown Git revision '" + revision + "'");
    }
}
