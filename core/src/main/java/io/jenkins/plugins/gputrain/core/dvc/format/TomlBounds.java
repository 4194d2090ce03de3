package io.jenkins.plugins.gputrain.core.dvc.format;

/**
 * The {@link ReadLimits} of one streamed TOML file as the whole read applies them: the whole read parses the file
 * before it counts, so a file with too many entries is refused only once all of it has been read (a syntax error
 * after the entries is the file's error then); a file nested too deep is the whole read's to refuse.
 */
final class TomlBounds {
    private final ReadLimits limits;
    private boolean tooMany;

    TomlBounds(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * Checks the depth of a table or list about to be read.
     *
     * @throws DataFileReader.ReadWholeException when it is deeper than the limit
     */
    void depth(int depth) {
        if (depth > limits.maxDepth()) {
            throw new DataFileReader.ReadWholeException();
        }
    }

    /** Notes the size of a table or list, to be refused once the file is read if it is larger than the limit. */
    void entries(int entries) {
        tooMany |= entries > limits.maxEntries();
    }

    /**
     * Ends the file.
     *
     * @throws LimitExceededException when a table or list had too many entries
     */
    void end() {
        if (tooMany) {
            throw new LimitExceededException(LimitExceededException.Limit.ENTRIES, limits.maxEntries());
        }
    }
}
