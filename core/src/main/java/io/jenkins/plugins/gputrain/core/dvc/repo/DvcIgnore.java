package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * DVC's {@code .dvcignore} files (gitignore syntax, one per directory, the closest deciding): paths they ignore hold
 * no {@code dvc.yaml} that DVC would load.
 */
final class DvcIgnore {
    private static final String FILE = ".dvcignore";

    private final RepoTree tree;
    private final Map<String, Optional<IgnoreNode>> nodes = new HashMap<>();

    DvcIgnore(RepoTree tree) {
        this.tree = tree;
    }

    /**
     * Drops ignored paths.
     *
     * @param paths repository paths of files
     * @return those not ignored
     * @throws IOException when a {@code .dvcignore} cannot be read
     */
    List<String> keep(List<String> paths) throws IOException {
        List<String> kept = new java.util.ArrayList<>();
        for (String path : paths) {
            if (!ignored(path)) {
                kept.add(path);
            }
        }
        return kept;
    }

    /** Whether the file, or a directory above it, is ignored. */
    private boolean ignored(String path) throws IOException {
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            prefix.append(i == 0 ? "" : "/").append(parts[i]);
            if (decide(prefix.toString(), i < parts.length - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Asks the closest {@code .dvcignore} first, then the ones above, as git does. */
    private boolean decide(String entry, boolean directory) throws IOException {
        String directoryOfEntry = RepoPaths.parent(entry);
        for (String base = directoryOfEntry; ; base = RepoPaths.parent(base)) {
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

    private Optional<IgnoreNode> node(String directory) throws IOException {
        if (!nodes.containsKey(directory)) {
            Optional<byte[]> content = tree.read(directory.isEmpty() ? FILE : directory + "/" + FILE);
            Optional<IgnoreNode> node = Optional.empty();
            if (content.isPresent()) {
                IgnoreNode parsed = new IgnoreNode();
                parsed.parse(new ByteArrayInputStream(content.get()));
                node = Optional.of(parsed);
            }
            nodes.put(directory, node);
        }
        return nodes.get(directory);
    }
}
