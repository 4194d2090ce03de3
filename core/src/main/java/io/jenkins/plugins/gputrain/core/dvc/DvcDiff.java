package io.jenkins.plugins.gputrain.core.dvc;

import io.jenkins.plugins.gputrain.core.dvc.diff.DiffEngine;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** {@code dvc metrics diff} and {@code dvc params diff} over a {@link DvcRepository}, without DVC. */
public final class DvcDiff {
    private final DvcRepository repository;
    private final DiffEngine engine = new DiffEngine();

    /** Diffs in a repository. */
    public DvcDiff(DvcRepository repository) {
        this.repository = repository;
    }

    /**
     * {@code dvc metrics diff a b}.
     *
     * @param oldRevision e.g. {@code main} or {@code HEAD}
     * @param newRevision e.g. {@code workspace}
     * @param targets files to diff instead of those the project declares
     * @param all whether unchanged metrics are listed too
     * @return the differences and the unreadable files
     * @throws UnknownRevisionException when a revision does not resolve
     * @throws IOException when the repository cannot be read
     */
    public DiffOutcome metrics(String oldRevision, String newRevision, List<String> targets, boolean all)
            throws UnknownRevisionException, IOException {
        if (same(oldRevision, newRevision)) {
            return DiffOutcome.empty();
        }
        RevisionData old = repository.metrics(oldRevision, targets);
        RevisionData current = repository.metrics(newRevision, targets);
        return new DiffOutcome(engine.diff(old, current, all), List.of(old, current));
    }

    /**
     * {@code dvc params diff a b}.
     *
     * @param oldRevision e.g. {@code main} or {@code HEAD}
     * @param newRevision e.g. {@code workspace}
     * @param targets whole files to diff instead of those the project declares
     * @param all whether unchanged params are listed too
     * @param stageDependenciesOnly {@code --deps}: only params that stages depend on
     * @return the differences and the unreadable files
     * @throws UnknownRevisionException when a revision does not resolve
     * @throws IOException when the repository cannot be read
     */
    public DiffOutcome params(
            String oldRevision, String newRevision, List<String> targets, boolean all, boolean stageDependenciesOnly)
            throws UnknownRevisionException, IOException {
        if (same(oldRevision, newRevision)) {
            return DiffOutcome.empty();
        }
        RevisionData old = repository.params(oldRevision, targets, stageDependenciesOnly);
        RevisionData current = repository.params(newRevision, targets, stageDependenciesOnly);
        return new DiffOutcome(engine.diff(old, current, all), List.of(old, current));
    }

    /**
     * Revisions that are the same commit are one revision for DVC, and a diff of it is empty; so is any diff in a Git
     * repository without commits (DVC returns {@code {}} there, its {@code test_no_commits}).
     */
    private boolean same(String oldRevision, String newRevision) throws UnknownRevisionException, IOException {
        if (repository.hasNoCommits()) {
            return true;
        }
        if (!repository.isGitRepository()) {
            repository.commit(oldRevision);
            repository.commit(newRevision);
            return DvcRepository.WORKSPACE.equals(oldRevision) && DvcRepository.WORKSPACE.equals(newRevision);
        }
        return Objects.equals(repository.commit(oldRevision), repository.commit(newRevision));
    }
}
