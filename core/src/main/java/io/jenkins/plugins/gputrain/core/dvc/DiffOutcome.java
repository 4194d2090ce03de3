package io.jenkins.plugins.gputrain.core.dvc;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A metrics or params diff and what could not be read for it. Unreadable files never fail the diff: they diff as
 * missing and are named here (DVC warns on stderr and exits 0).
 *
 * @param files the differences
 * @param revisions what each compared revision gave, for its errors
 * @param alsoLoaded revisions DVC's brancher loads that the diff does not compare (the workspace in a diff of two
 *     commits; one commit under two names, which DVC names by both joined with {@code ,}): only a failure to load one
 *     as a whole shows, as its {@code WARNING: failed to load …} line
 */
public record DiffOutcome(List<FileDifferences> files, List<RevisionData> revisions, List<RevisionData> alsoLoaded) {
    /** Copies the lists. */
    public DiffOutcome {
        files = List.copyOf(files);
        revisions = List.copyOf(revisions);
        alsoLoaded = List.copyOf(alsoLoaded);
    }

    /** Differences of the compared revisions, nothing else loaded. */
    public DiffOutcome(List<FileDifferences> files, List<RevisionData> revisions) {
        this(files, revisions, List.of());
    }

    /**
     * No differences and nothing read: a Git repository without commits, a plain directory's workspace diffed with
     * itself, a report without its baseline.
     */
    public static DiffOutcome empty() {
        return new DiffOutcome(List.of(), List.of());
    }

    /** Every revision loaded, those not compared first. */
    public List<RevisionData> loaded() {
        List<RevisionData> loaded = new ArrayList<>(alsoLoaded);
        loaded.addAll(revisions);
        return loaded;
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
