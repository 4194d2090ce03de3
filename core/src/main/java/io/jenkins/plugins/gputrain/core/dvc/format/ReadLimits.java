package io.jenkins.plugins.gputrain.core.dvc.format;

/**
 * The bounds every metrics, params and plot data file is read within, the same for JSON, YAML and TOML: its size in
 * bytes, how deep its mappings and lists nest (the top-level one counts as 1) and how many entries one mapping or
 * list holds. A file beyond a bound is that file's error, on every revision alike; nothing depends on the stack the
 * reader happens to run on.
 *
 * @param maxBytes the largest file read, in bytes
 * @param maxDepth the deepest nesting of mappings and lists
 * @param maxEntries the most entries in one mapping or list
 */
public record ReadLimits(long maxBytes, int maxDepth, int maxEntries) {
    /** Largest file read by default: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Deepest nesting by default. DVC 3.67.1 reads TOML up to this depth (tomlkit refuses deeper inline tables and
     * arrays as corrupted); its JSON and YAML loaders go deeper, up to Python's recursion limit.
     */
    public static final int DEFAULT_MAX_DEPTH = 101;

    /** Most entries in one mapping or list by default: 2^20, more than a million-row plot. */
    public static final int DEFAULT_MAX_ENTRIES = 1 << 20;

    /** The default limits. */
    public static final ReadLimits DEFAULT = new ReadLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ENTRIES);

    /** Checks the bounds. */
    public ReadLimits {
        if (maxBytes < 0 || maxDepth < 1 || maxEntries < 0) {
            throw new IllegalArgumentException("limits must not be negative and the depth at least 1: " + maxBytes
                    + ", " + maxDepth + ", " + maxEntries);
        }
    }

    /**
     * The default depth and entry limits with another size limit.
     *
     * @param maxBytes the largest file read, in bytes
     * @return the limits
     */
    public static ReadLimits ofMaxBytes(long maxBytes) {
        return new ReadLimits(maxBytes, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ENTRIES);
    }

    /**
     * Checks a nesting depth.
     *
     * @param depth the depth of a mapping or list about to be read (the top-level one is 1)
     * @throws LimitExceededException when it is deeper than {@link #maxDepth()}
     */
    void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new LimitExceededException(LimitExceededException.Limit.DEPTH, maxDepth);
        }
    }

    /**
     * Checks the size of a mapping or list.
     *
     * @param entries its entries so far
     * @throws LimitExceededException when there are more than {@link #maxEntries()}
     */
    void checkEntries(int entries) {
        if (entries > maxEntries) {
            throw new LimitExceededException(LimitExceededException.Limit.ENTRIES, maxEntries);
        }
    }
}
