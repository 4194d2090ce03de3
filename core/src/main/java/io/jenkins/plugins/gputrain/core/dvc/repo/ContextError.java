package io.jenkins.plugins.gputrain.core.dvc.repo;

/**
 * A {@code vars} entry the templating context refuses, worded as DVC's {@code ContextError} subclasses word it
 * ({@code dvc/parsing/context.py}, 3.67.1); the loader says where it failed.
 */
final class ContextError extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which of DVC's errors this is: it decides the line break and, in a stage, what DVC names as failing. */
    enum Kind {
        /** {@code ParamsLoadError}: a vars file missing, a directory, not a mapping or without a selected key. */
        PARAMS_LOAD,
        /** {@code MergeError}: a name defined twice. */
        MERGE,
        /** {@code VarsAlreadyLoaded}: a vars file loaded whole and by keys, or a key selected twice. */
        ALREADY_LOADED,
        /** {@code ReservedKeyError}: stage vars defining {@code item} or {@code key} of {@code foreach}/{@code matrix}. */
        RESERVED
    }

    private final Kind kind;

    ContextError(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /**
     * DVC's {@code format_and_raise}: {@code failed to parse <what>:} then the message, after a line break for merge
     * and already-loaded errors, after a space for the others.
     *
     * @param what what failed to parse, with its file ({@code 'vars' in 'dvc.yaml'})
     * @return the {@code ResolveError} message
     */
    String failedToParse(String what) {
        boolean ownLine = kind == Kind.MERGE || kind == Kind.ALREADY_LOADED;
        return "failed to parse " + what + ":" + (ownLine ? "\n" : " ") + getMessage();
    }
}
