package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.IOException;

/**
 * A file of a revision larger than the repository reads ({@link DvcRepository#open}'s {@code maxBytes}), named by its
 * repository path whether the revision's tree or the DVC cache holds it.
 */
public final class FileTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * Creates the exception.
     *
     * @param path the file's repository path
     * @param limit the largest file read, in bytes
     */
    public FileTooLargeException(String path, long limit) {
        super("'" + path + "' is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The largest file read, in bytes. */
    public long limit() {
        return limit;
    }
}
