package io.jenkins.plugins.gputrain.core.dvc.format;

/** A file read past one of its {@link ReadLimits}; {@link DataFileReader} turns it into the file's error. */
final class LimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which bound was passed. */
    enum Limit {
        DEPTH,
        ENTRIES
    }

    private final Limit limit;
    private final long bound;

    LimitExceededException(Limit limit, long bound) {
        super(limit + " > " + bound, null, false, false);
        this.limit = limit;
        this.bound = bound;
    }

    Limit limit() {
        return limit;
    }

    long bound() {
        return bound;
    }
}
