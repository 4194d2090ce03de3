package io.jenkins.plugins.gputrain.core.dvc;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import java.util.List;
import java.util.Optional;

/**
 * A metrics or params diff and what could not be read for it. Unreadable files never fail the diff: they diff as
 * missing and are named here (DVC warns on stderr and exits 0).
 *
 * @param files the differences
 * @param revisions what each revision gave, for its errors
 */
public record DiffOutcome(List<FileDifferences> files, List<RevisionData> revisions) {
    /** Copies the lists. */
    public DiffOutcome {
        files = List.copyOf(files);
        revisions = List.copyOf(revisions);
    }

    /** No differences and nothing read (no commits, or both revisions the same commit). */
    public static DiffOutcome empty() {
        return new DiffOutcome(List.of(), List.of());
    }

    /** The revisions with errors, as DVC names them. */
    public List<String> failedRevisions() {
        return revisions.stream()
                .filter(RevisionData::hasErrors)
                .map(RevisionData::name)
                .distinct()
                .toList();
    }

    /**
     * DVC's warning for unreadable files, e.g. {@code DVC failed to load some metrics for following revisions:
     * 'main, workspace'.}.
     *
     * @param what {@code metrics} or {@code params}
     * @return the warning, when something failed
     */
    public Optional<String> warning(String what) {
        List<String> failed = failedRevisions();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LoadWarning.of(what, failed));
    }
}
