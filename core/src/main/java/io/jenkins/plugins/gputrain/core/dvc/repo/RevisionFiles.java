package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads a revision's files as DVC's filesystem does: from the revision's tree first, and for outputs that
 * {@code dvc.lock} records, from the DVC cache when the tree lacks them.
 *
 * @param tree the revision's tree
 * @param cache the DVC cache
 * @param project the revision's project, for the {@code dvc.lock} hashes
 */
public record RevisionFiles(RepoTree tree, DvcCache cache, DvcProject project) {
    /**
     * Reads a file.
     *
     * @param path a normalized repository path
     * @return the bytes, or empty when neither the tree nor the cache has the file
     * @throws IOException when the file exists but cannot be read
     */
    public Optional<byte[]> read(String path) throws IOException {
        Optional<byte[]> content = tree.read(path);
        DvcProject.LockedOutput locked = project.locked().get(path);
        if (content.isEmpty() && locked != null) {
            content = cache.read(path, locked.md5(), locked.dvc3());
        }
        return content;
    }
}
