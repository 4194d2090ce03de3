package io.jenkins.plugins.gputrain.core.dvc.repo;

/** A revision name that does not resolve to a commit (or a directory outside Git); DVC fails the command for it. */
public final class UnknownRevisionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a revision name. */
    public UnknownRevisionException(String revision) {
        super("unknown Git revision '" + revision + "'");
    }

    /**
     * Creates the exception for a revision asked of a directory that is not in a Git repository.
     *
     * @param revision the revision name
     * @param directory the directory
     */
    public UnknownRevisionException(String revision, java.nio.file.Path directory) {
        super(directory + " is not a git repository (nor is any parent), so it has no revision '" + revision
                + "'; only the workspace can be read");
    }
}
