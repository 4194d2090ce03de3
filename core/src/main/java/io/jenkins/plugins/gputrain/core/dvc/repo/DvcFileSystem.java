package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A revision's tree as DVC 3.67.1's {@code DVCFileSystem} ({@code dvc/fs/dvc.py}) sees it where it expands a
 * directory target or a directory plot: an ignored directory ({@link DvcIgnore}) is none, an ignored path does not
 * exist, and a directory lists neither ignored paths nor DVC's own files ({@code dvc.yaml}, {@code *.dvc},
 * {@code .dvcignore}: {@code _is_dvc_file}; {@code dvc.lock} is listed).
 */
public final class DvcFileSystem {
    private final RepoTree tree;
    private final DvcIgnore ignore;

    /**
     * Views a tree.
     *
     * @param tree the revision's files
     */
    public DvcFileSystem(RepoTree tree) {
        this.tree = tree;
        this.ignore = new DvcIgnore(tree);
    }

    /**
     * Whether the path is a directory DVC does not ignore.
     *
     * @throws IOException when the tree or a {@code .dvcignore} cannot be read
     */
    public boolean isDirectory(String path) throws IOException {
        return tree.isDirectory(path) && !ignore.ignored(path, true);
    }

    /**
     * Whether the path is a file or directory DVC does not ignore ({@code fs.exists}).
     *
     * @throws IOException when the tree or a {@code .dvcignore} cannot be read
     */
    public boolean exists(String path) throws IOException {
        if (tree.isDirectory(path)) {
            return !ignore.ignored(path, true);
        }
        boolean file;
        try {
            file = tree.read(path).isPresent();
        } catch (FileTooLargeException e) {
            file = true;
        }
        return file && !ignore.ignored(path, false);
    }

    /**
     * Every file below a directory that DVC lists ({@code fs.find}), sorted.
     *
     * @throws IOException when the tree or a {@code .dvcignore} cannot be read
     */
    public List<String> filesUnder(String directory) throws IOException {
        List<String> files = new ArrayList<>();
        for (String file : ignore.keep(tree.filesUnder(directory))) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (!name.equals("dvc.yaml") && !name.endsWith(".dvc") && !name.equals(".dvcignore")) {
                files.add(file);
            }
        }
        return files;
    }
}
