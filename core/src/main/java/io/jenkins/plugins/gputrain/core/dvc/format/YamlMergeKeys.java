package io.jenkins.plugins.gputrain.core.dvc.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML merge keys ({@code <<: *anchor}, {@code <<: [*a, *b]}) as ruamel.yaml's safe loader (DVC's) applies them
 * ({@code SafeConstructor.flatten_mapping} and {@code BaseConstructor.construct_mapping}): only a plain {@code <<}
 * merges; the merged mappings' entries come first (of a list, the last mapping's first, so that the first one wins),
 * then the mapping's own entries. Which entries are the same key is left to the constructor: it reads a mapping with a
 * merge key without rejecting duplicates (a later value wins, under the first key), so {@link #apply} names those
 * mappings. A second {@code <<}, or merging anything but mappings, is an error.
 */
final class YamlMergeKeys {
    private static final String MERGE = "<<";

    private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<MappingNode> merging = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlMergeKeys() {}

    /** Thrown where ruamel.yaml refuses a merge. */
    static final class MergeException extends Exception {
        private static final long serialVersionUID = 1L;

        MergeException(String message) {
            super(message);
        }
    }

    /**
     * Applies every merge key of a composed document in place.
     *
     * @param root the document's root node
     * @return the mappings that had a merge key
     * @throws MergeException for a second merge key in one mapping or a merge of something that is not a mapping
     */
    static Set<MappingNode> apply(Node root) throws MergeException {
        YamlMergeKeys merges = new YamlMergeKeys();
        merges.visit(root);
        return merges.merging;
    }

    private void visit(Node node) throws MergeException {
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            flatten(mapping);
            for (NodeTuple tuple : mapping.getValue()) {
                visit(tuple.getKeyNode());
                visit(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                visit(item);
            }
        }
    }

    private void flatten(MappingNode mapping) throws MergeException {
        List<NodeTuple> merged = new ArrayList<>();
        List<NodeTuple> own = new ArrayList<>();
        boolean merges = false;
        for (NodeTuple tuple : mapping.getValue()) {
            if (!isMergeKey(tuple.getKeyNode())) {
                own.add(tuple);
                continue;
            }
            if (merges) {
                throw new MergeException("found duplicate merge key \"<<\"");
            }
            merges = true;
            merged.addAll(sources(tuple.getValueNode()));
        }
        if (!merges) {
            return;
        }
        merged.addAll(own);
        mapping.setValue(merged);
        merging.add(mapping);
    }

    /** The entries a merge key's value brings: of a list of mappings, the last one's first (earlier ones win). */
    private List<NodeTuple> sources(Node value) throws MergeException {
        if (value instanceof MappingNode source) {
            visit(source);
            return source.getValue();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw new MergeException("expected a mapping or list of mappings for merging, but found scalar");
        }
        List<List<NodeTuple>> sources = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode source)) {
                throw new MergeException("expected a mapping for merging, but found " + item.getNodeType());
            }
            visit(source);
            sources.add(source.getValue());
        }
        Collections.reverse(sources);
        List<NodeTuple> entries = new ArrayList<>();
        sources.forEach(entries::addAll);
        return entries;
    }

    private static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode scalar
                && scalar.isPlain()
                && scalar.getValue().equals(MERGE);
    }
}
