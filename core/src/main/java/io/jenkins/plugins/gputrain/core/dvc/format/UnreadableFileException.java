package io.jenkins.plugins.gputrain.core.dvc.format;

/**
 * A metrics, params or plot file that cannot be read. DVC reports such files per file and goes on; {@link #type()}
 * is the name DVC gives the error ({@code JSONFileCorruptedError}, {@code YAMLFileCorruptedError},
 * {@code FileNotFoundError}, …) so that {@code metrics show --json} can carry it.
 */
public final class UnreadableFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String type;

    /**
     * Creates the exception.
     *
     * @param type DVC's error type name
     * @param message DVC's message, e.g. {@code unable to read: 'm.json', JSON file structure is corrupted}
     */
    public UnreadableFileException(String type, String message) {
        super(message);
        this.type = type;
    }

    /** DVC's error type name. */
    public String type() {
        return type;
    }
}
