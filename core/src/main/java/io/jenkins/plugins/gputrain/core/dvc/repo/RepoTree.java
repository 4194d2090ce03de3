package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The files of one revision: the working tree or a Git commit. Paths are repository-relative with {@code /}. */
public interface RepoTree {
    /**
     * Reads a file.
     *
     * @param path a normalized repository path
     * @return the bytes, or empty when there is no such file
     * @throws IOException when the file exists but cannot be read, or is larger than the limit
     */
    Optional<byte[]> read(String path) throws IOException;

    /** Whether the path is a directory. */
    boolean isDirectory(String path) throws IOException;

    /** Every file below a directory, recursively, sorted. */
    List<String> filesUnder(String directory) throws IOException;

    /** Every file with this name at any depth, sorted; {@code .git} and {@code .dvc} are not searched. */
    List<String> find(String fileName) throws IOException;
}
