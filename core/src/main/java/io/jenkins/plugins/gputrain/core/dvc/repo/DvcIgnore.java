package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * What DVC 3.67.1's {@code DvcIgnoreFilter} ({@code dvc/ignore.py}) leaves out of a revision's tree: its default
 * patterns ({@code .hg/}, {@code .git/}, {@code .git}, {@code .dvc/}, at any depth, before the root
 * {@code .dvcignore}'s own), subrepositories (a directory below the root holding a {@code .dvc}), and what the
 * {@code .dvcignore} files ignore (gitignore syntax, one per directory, the closest deciding; a {@code .dvcignore}
 * that the ones above ignore is not read). A path below an ignored directory is ignored.
 */
final class DvcIgnore {
    private static final String FILE = ".dvcignore";
    private static final String DVC_DIRECTORY = ".dvc";
    private static final byte[] DEFAULTS = ".hg/\n.git/\n.git\n.dvc/\n".getBytes(StandardCharsets.US_ASCII);

    private final RepoTree tree;
    private final Map<String, Optional<IgnoreNode>> nodes = new HashMap<>();
    private final Map<String, Boolean> subrepositories = new HashMap<>();

    DvcIgnore(RepoTree tree) {
        this.tree = tree;
    }

    /**
     * Drops ignored files.
     *
     * @param paths repository paths of files
     * @return those not ignored
     * @throws IOException when a {@code .dvcignore} cannot be read
     */
    List<String> keep(List<String> paths) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String path : paths) {
            if (!ignored(path, false)) {
                kept.add(path);
            }
        }
        return kept;
    }

    /**
     * Whether DVC ignores a path: it, or a directory above it below the root, is ignored.
     *
     * @param path a normalized repository path; the root ({@code ""}) is never ignored
     * @param directory whether the path is a directory
     * @throws IOException when a {@code .dvcignore} cannot be read
     */
    boolean ignored(String path, boolean directory) throws IOException {
        if (path.isEmpty()) {
            return false;
        }
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            prefix.append(i == 0 ? "" : "/").append(parts[i]);
            boolean isDirectory = directory || i < parts.length - 1;
            String entry = prefix.toString();
            if (decide(entry, isDirectory, RepoPaths.parent(entry)) || isDirectory && subrepository(entry)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks the {@code .dvcignore} of {@code from} first, then the ones above, as git does: the first with a rule
     * matching the entry decides.
     */
    private boolean decide(String entry, boolean directory, String from) throws IOException {
        for (String base = from; ; base = RepoPaths.parent(base)) {
            Optional<IgnoreNode> node = node(base);
            if (node.isPresent()) {
                String relative = base.isEmpty() ? entry : entry.substring(base.length() + 1);
                IgnoreNode.MatchResult result = node.get().isIgnored(relative, directory);
                if (result == IgnoreNode.MatchResult.IGNORED) {
                    return true;
                }
                if (result == IgnoreNode.MatchResult.NOT_IGNORED) {
                    return false;
                }
            }
            if (base.isEmpty()) {
                return false;
            }
        }
    }

    /** DVC's {@code _update_sub_repo}: a directory below the root in which a {@code .dvc} exists. */
    private boolean subrepository(String directory) throws IOException {
        Boolean known = subrepositories.get(directory);
        if (known == null) {
            String dvc = directory + "/" + DVC_DIRECTORY;
            known = tree.isDirectory(dvc) || isFile(dvc);
            subrepositories.put(directory, known);
        }
        return known;
    }

    private boolean isFile(String path) throws IOException {
        try {
            return tree.read(path).isPresent();
        } catch (FileTooLargeException e) {
            return true;
        }
    }

    /**
     * A directory's patterns: the root's are DVC's defaults followed by its {@code .dvcignore}; another directory's
     * its {@code .dvcignore}, unless the patterns above ignore that file ({@code _update_trie}).
     */
    private Optional<IgnoreNode> node(String directory) throws IOException {
        if (!nodes.containsKey(directory)) {
            String file = directory.isEmpty() ? FILE : directory + "/" + FILE;
            boolean read = directory.isEmpty() || !decide(file, false, RepoPaths.parent(directory));
            Optional<byte[]> content = read ? tree.read(file) : Optional.empty();
            Optional<IgnoreNode> node = Optional.empty();
            if (directory.isEmpty() || content.isPresent()) {
                InputStream patterns = new ByteArrayInputStream(content.orElse(new byte[0]));
                if (directory.isEmpty()) {
                    patterns = new SequenceInputStream(new ByteArrayInputStream(DEFAULTS), patterns);
                }
                IgnoreNode parsed = new IgnoreNode();
                parsed.parse(patterns);
                node = Optional.of(parsed);
            }
            nodes.put(directory, node);
        }
        return nodes.get(directory);
    }
}
