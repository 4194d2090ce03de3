package io.jenkins.plugins.gputrain.core.dvc.diff;

import java.util.List;

/**
 * The differences found in one file, sorted by key as DVC sorts rows.
 *
 * @param path the file's repository path
 * @param differences at least one
 */
public record FileDifferences(String path, List<Difference> differences) {
    /** Copies the list. */
    public FileDifferences {
        differences = List.copyOf(differences);
    }
}
