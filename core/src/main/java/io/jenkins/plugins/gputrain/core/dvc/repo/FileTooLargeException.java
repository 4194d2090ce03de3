package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.IOException;

/** A file of a revision larger than the repository reads ({@link DvcRepository#open}'s {@code maxBytes}). */
public final class FileTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * Creates the exception.
     *
     * @param what the file, as the message names it (e.g. {@code 'loss.csv'}, {@code cache object 0a1b…})
     * @param limit the largest file read, in bytes
     */
    public FileTooLargeException(String what, long limit) {
        super(what + " is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The largest file read, in bytes. */
    public long limit() {
        return limit;
    }
}
