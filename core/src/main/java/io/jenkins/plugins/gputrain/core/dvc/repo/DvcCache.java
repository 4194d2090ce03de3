package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local DVC cache, where cached outputs of every revision live: {@code .dvc/cache/files/md5/ab/cdef…} for
 * DVC 3 entries ({@code hash: md5} in {@code dvc.lock}), {@code .dvc/cache/ab/cdef…} for DVC 2 ones.
 */
public final class DvcCache {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    private final Path directory;
    private final long maxBytes;

    /**
     * Opens the cache.
     *
     * @param directory the cache directory, normally {@code <repo>/.dvc/cache}
     * @param maxBytes the largest object read
     */
    public DvcCache(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
    }

    /**
     * Reads an object.
     *
     * @param path the repository path of the output it caches, for the message
     * @param md5 the object's hash from {@code dvc.lock}
     * @param dvc3 whether the entry uses the DVC 3 layout
     * @return the bytes, or empty when the object is not in the cache (or the hash is not an md5)
     * @throws IOException when the object cannot be read or is too large
     */
    public Optional<byte[]> read(String path, String md5, boolean dvc3) throws IOException {
        if (md5 == null || !MD5.matcher(md5).matches()) {
            return Optional.empty();
        }
        Path base = dvc3 ? directory.resolve("files").resolve("md5") : directory;
        Path object = base.resolve(md5.substring(0, 2)).resolve(md5.substring(2));
        if (!Files.isRegularFile(object)) {
            return Optional.empty();
        }
        if (Files.size(object) > maxBytes) {
            throw new FileTooLargeException(path, maxBytes);
        }
        return Optional.of(Files.readAllBytes(object));
    }
}
