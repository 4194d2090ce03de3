package io.jenkins.plugins.gputrain.core.dvc;

import io.jenkins.plugins.gputrain.core.dvc.diff.DiffEngine;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

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
        return diff(oldRevision, newRevision, all, targets, revision -> repository.metrics(revision, targets));
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
        return diff(
                oldRevision,
                newRevision,
                all,
                targets,
                revision -> repository.params(revision, targets, stageDependenciesOnly));
    }

    /**
     * Diffs as DVC's {@code metrics.diff}/{@code params.diff} over its brancher: nothing in a Git repository without
     * commits; else the workspace and each commit named are loaded once, a commit named twice differently under both
     * names joined ({@code HEAD,main}, which neither revision then finds: an empty diff), and the two revisions are
     * looked up by their names ({@code dvc/repo/brancher.py}, {@code dvc/scm.py} {@code iter_revs}).
     */
    private DiffOutcome diff(
            String oldRevision, String newRevision, boolean all, List<String> targets, RevisionLoader loader)
            throws UnknownRevisionException, IOException {
        if (repository.hasNoCommits() || !repository.isGitRepository() && bothWorkspace(oldRevision, newRevision)) {
            return DiffOutcome.empty();
        }
        Map<String, RevisionData> compared = new HashMap<>();
        List<RevisionData> alsoLoaded = new ArrayList<>();
        for (Map.Entry<String, String> visit : visits(oldRevision, newRevision).entrySet()) {
            String name = visit.getKey();
            if (name.equals(oldRevision) || name.equals(newRevision)) {
                compared.put(name, loader.load(name));
            } else if (targets.isEmpty()) {
                RevisionData project = repository.project(visit.getValue());
                alsoLoaded.add(project.optionalError()
                        .map(error -> RevisionData.failed(name, error))
                        .orElse(RevisionData.of(name, Map.of())));
            } else {
                alsoLoaded.add(RevisionData.of(name, Map.of())); // with targets DVC loads no dvc.yaml
            }
        }
        RevisionData old = compared.getOrDefault(oldRevision, RevisionData.of(oldRevision, Map.of()));
        RevisionData current = compared.getOrDefault(newRevision, RevisionData.of(newRevision, Map.of()));
        List<RevisionData> revisions = Stream.of(oldRevision, newRevision)
                .filter(compared::containsKey)
                .map(compared::get)
                .toList();
        return new DiffOutcome(engine.diff(old, current, all), revisions, alsoLoaded);
    }

    /**
     * The revisions DVC's brancher visits for a diff, in its order, each as its name and a name to read it by: the
     * workspace, then, once one {@code workspace} is taken out of the two names, each commit the others resolve to,
     * named by the names resolving to it joined with {@code ,} ({@code workspace} twice leaves one that is no Git
     * revision, as in DVC).
     */
    private Map<String, String> visits(String oldRevision, String newRevision)
            throws UnknownRevisionException, IOException {
        List<String> revisions = new ArrayList<>(List.of(oldRevision, newRevision));
        revisions.remove(DvcRepository.WORKSPACE);
        Map<ObjectId, List<String>> namesByCommit = new LinkedHashMap<>();
        for (String revision : revisions) {
            ObjectId commit = repository.commit(revision).orElseThrow(() -> new UnknownRevisionException(revision));
            List<String> names = namesByCommit.computeIfAbsent(commit, id -> new ArrayList<>());
            if (!names.contains(revision)) {
                names.add(revision);
            }
        }
        Map<String, String> visits = new LinkedHashMap<>();
        visits.put(DvcRepository.WORKSPACE, DvcRepository.WORKSPACE);
        namesByCommit.values().forEach(names -> visits.put(String.join(",", names), names.get(0)));
        return visits;
    }

    /**
     * What DVC loads of a diff before it resolves the revisions, for its warnings when one is unknown: the workspace
     * in a Git repository with commits (the brancher yields it first) when no targets are given; nothing elsewhere.
     *
     * @param targets the files asked for
     * @return the workspace's {@code dvc.yaml} files' failure, or nothing loaded
     * @throws IOException when the repository cannot be read
     */
    public List<RevisionData> loadedBeforeResolving(List<String> targets) throws IOException {
        if (!targets.isEmpty() || !repository.isGitRepository() || repository.hasNoCommits()) {
            return List.of();
        }
        try {
            return List.of(repository.project(DvcRepository.WORKSPACE));
        } catch (UnknownRevisionException e) {
            throw new IllegalStateException("the workspace is always a revision", e);
        }
    }

    /** In a plain directory (which DVC refuses to diff) the only diff is the workspace with itself: empty. */
    private static boolean bothWorkspace(String oldRevision, String newRevision) {
        return DvcRepository.WORKSPACE.equals(oldRevision) && DvcRepository.WORKSPACE.equals(newRevision);
    }

    /** Reads one revision's metrics or params. */
    @FunctionalInterface
    private interface RevisionLoader {
        RevisionData load(String revision) throws UnknownRevisionException, IOException;
    }
}
