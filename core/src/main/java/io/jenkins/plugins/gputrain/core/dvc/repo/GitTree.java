package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** The files of one Git commit, read with JGit (no git binary needed). */
public final class GitTree implements RepoTree {
    private final Repository repository;
    private final RevCommit commit;
    private final long maxBytes;

    /**
     * Opens a commit's tree.
     *
     * @param repository the repository
     * @param commit the commit
     * @param maxBytes the largest file read
     */
    public GitTree(Repository repository, RevCommit commit, long maxBytes) {
        this.repository = repository;
        this.commit = commit;
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (walk == null || (walk.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                return Optional.empty();
            }
            ObjectLoader loader = repository.open(walk.getObjectId(0));
            if (loader.getSize() > maxBytes) {
                throw new FileTooLargeException(path, maxBytes);
            }
            return Optional.of(loader.getBytes());
        }
    }

    @Override
    public boolean isDirectory(String path) throws IOException {
        if (path.isEmpty()) {
            return true;
        }
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            return walk != null && walk.isSubtree();
        }
    }

    @Override
    public List<String> filesUnder(String directory) throws IOException {
        return walk(directory, null);
    }

    @Override
    public List<String> find(String fileName) throws IOException {
        return walk("", fileName);
    }

    private List<String> walk(String directory, String fileName) throws IOException {
        List<String> found = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!directory.isEmpty()) {
                walk.setFilter(PathFilter.create(directory));
            }
            while (walk.next()) {
                String path = walk.getPathString();
                boolean skipped = path.startsWith(".dvc/") || path.contains("/.dvc/");
                if (!skipped && (fileName == null || walk.getNameString().equals(fileName))) {
                    found.add(path);
                }
            }
        }
        return found.stream().sorted().toList();
    }
}
