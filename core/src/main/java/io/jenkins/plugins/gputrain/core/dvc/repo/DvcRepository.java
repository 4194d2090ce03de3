package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.ReadLimits;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A DVC project in a Git repository (or a plain directory, which has only the {@code workspace}), read without DVC,
 * Python or a git binary: revisions through JGit, cached outputs from {@code .dvc/cache}.
 */
public final class DvcRepository implements AutoCloseable {
    /** DVC's name for the working tree. */
    public static final String WORKSPACE = "workspace";

    private final Path root;
    private final Repository git;
    private final DataFileReader reader;
    private final DvcCache cache;
    private final long maxBytes;

    private DvcRepository(Path root, Repository git, ReadLimits limits) {
        this.root = root;
        this.git = git;
        this.maxBytes = limits.maxBytes();
        this.reader = new DataFileReader(limits);
        this.cache = new DvcCache(root.resolve(".dvc").resolve("cache"), maxBytes);
    }

    /**
     * Opens the repository that contains a directory.
     *
     * @param directory a directory inside the work tree
     * @param maxBytes the largest file read
     * @return the repository
     * @throws IOException when the Git repository cannot be opened
     */
    public static DvcRepository open(Path directory, long maxBytes) throws IOException {
        return open(directory, ReadLimits.ofMaxBytes(maxBytes));
    }

    /**
     * Opens the repository that contains a directory, reading its metrics, params and plot files within some limits.
     *
     * @param directory a directory inside the work tree
     * @param limits the bounds of every file read (its size also that of every file read from a revision)
     * @return the repository
     * @throws IOException when the Git repository cannot be opened
     */
    public static DvcRepository open(Path directory, ReadLimits limits) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(directory.toFile());
        if (builder.getGitDir() == null) {
            return new DvcRepository(directory.toRealPath(), null, limits);
        }
        Repository git = builder.setMustExist(true).build();
        return new DvcRepository(git.getWorkTree().toPath().toRealPath(), git, limits);
    }

    /** The work tree's root. */
    public Path root() {
        return root;
    }

    /**
     * Whether this is a Git repository without any commit, where DVC's diffs (metrics, params, plots) are empty
     * whatever the revisions ({@code repo.scm.no_commits}); a plain directory is not one.
     *
     * @return whether HEAD names no commit in a Git repository
     * @throws IOException when the repository cannot be read
     */
    public boolean hasNoCommits() throws IOException {
        return git != null && git.resolve("HEAD^{commit}") == null;
    }

    /** Whether the directory is in a Git repository at all (a plain directory has only the workspace). */
    public boolean isGitRepository() {
        return git != null;
    }

    /**
     * The commit a revision names.
     *
     * @param revision a name as typed, or {@link #WORKSPACE}
     * @return the commit, or empty for the workspace
     * @throws UnknownRevisionException when the name resolves to nothing
     */
    public Optional<ObjectId> commit(String revision) throws UnknownRevisionException, IOException {
        if (WORKSPACE.equals(revision)) {
            return Optional.empty();
        }
        if (git == null) {
            throw new UnknownRevisionException(revision, root);
        }
        ObjectId id = resolve(revision);
        if (id == null) {
            throw new UnknownRevisionException(revision);
        }
        return Optional.of(id);
    }

    private ObjectId resolve(String revision) throws IOException {
        try {
            return git.resolve(revision + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            return null;
        }
    }

    /** Reads a revision's metrics ({@code targets} empty: those the project declares). */
    public RevisionData metrics(String revision, List<String> targets) throws UnknownRevisionException, IOException {
        return revisionReader(revision).metrics(targets);
    }

    /** Reads a revision's params ({@code targets} empty: those the project declares). */
    public RevisionData params(String revision, List<String> targets, boolean stageDependenciesOnly)
            throws UnknownRevisionException, IOException {
        return revisionReader(revision).params(targets, stageDependenciesOnly);
    }

    /**
     * Whether a revision's {@code dvc.yaml} files load, without reading its metrics or params: DVC loads every
     * revision its brancher visits, also those a diff does not compare, and warns when one fails as a whole.
     *
     * @param revision a name as typed, or {@link #WORKSPACE}
     * @return the revision's failure, or the revision without files
     */
    public RevisionData project(String revision) throws UnknownRevisionException, IOException {
        return revisionReader(revision).project();
    }

    private RevisionReader revisionReader(String revision) throws UnknownRevisionException, IOException {
        return new RevisionReader(revision, tree(revision), cache, reader);
    }

    /**
     * What a revision's {@code dvc.yaml} and {@code dvc.lock} files declare, with a reader for its files.
     *
     * @param revision a name as typed, or {@link #WORKSPACE}
     * @return the files of the revision
     * @throws UnreadableFileException when the revision's {@code dvc.yaml} files cannot be loaded
     */
    public RevisionFiles files(String revision) throws UnknownRevisionException, IOException, UnreadableFileException {
        RepoTree tree = tree(revision);
        return new RevisionFiles(tree, cache, new DvcProjectLoader(tree, reader).load());
    }

    /** The reader of metrics, params and plot files, with this repository's size limit. */
    public DataFileReader reader() {
        return reader;
    }

    /** The files of a revision. */
    public RepoTree tree(String revision) throws UnknownRevisionException, IOException {
        Optional<ObjectId> commit = commit(revision);
        if (commit.isEmpty()) {
            return new WorkingTree(root, maxBytes);
        }
        try (RevWalk walk = new RevWalk(git)) {
            RevCommit parsed = walk.parseCommit(commit.get());
            return new GitTree(git, parsed, maxBytes);
        }
    }

    @Override
    public void close() {
        if (git != null) {
            git.close();
        }
    }
}
