package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Builds {@link Value}s straight from a composed YAML document without aliases, with what {@link StandardConstructor}
 * then {@link DataFileReader#fromYaml} would give: scalars by the same tag constructors; plain mappings ({@code
 * !!map} with scalar keys of the schema's own tags) and sequences ({@code !!seq}) walked here, a duplicate key (by
 * the constructed keys' equality, as {@code processDuplicateKeys}) an error; any other node (a set, an ordered map,
 * a mapping with a collection or explicitly tagged key) built by the standard constructor. Without aliases the
 * document is a tree, so no node is built twice and nothing is recursive.
 */
final class YamlValueConstructor extends StandardConstructor {
    private static final List<Tag> KEY_TAGS =
            List.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, RuamelYamlSchema.TIMESTAMP);

    YamlValueConstructor(LoadSettings settings) {
        super(settings);
    }

    /**
     * The value of a node.
     *
     * @param node a node of a document without aliases
     * @return the value
     * @throws YamlEngineException where the standard constructor would throw one (a duplicate key, a tag without a
     *     constructor, a scalar its constructor refuses)
     */
    Value value(Node node) {
        if (node instanceof ScalarNode scalar) {
            return DataFileReader.fromYaml(scalar(scalar));
        }
        if (node instanceof MappingNode mapping && mapping.getTag().equals(Tag.MAP) && hasPlainKeys(mapping)) {
            Map<String, Value> entries = new LinkedHashMap<>();
            Set<Object> keys = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Object key = key((ScalarNode) tuple.getKeyNode());
                if (!keys.add(key)) {
                    throw new YamlEngineException("found duplicate key " + key);
                }
                entries.put(
                        key instanceof String text
                                ? text
                                : DataFileReader.fromYaml(key).str(),
                        value(tuple.getValueNode()));
            }
            return new Value.Dict(entries);
        }
        if (node instanceof SequenceNode sequence && sequence.getTag().equals(Tag.SEQ)) {
            List<Value> items = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                items.add(value(item));
            }
            return Value.Seq.list(items);
        }
        return DataFileReader.fromYaml(construct(node));
    }

    private static boolean hasPlainKeys(MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (!isPlainKey(tuple.getKeyNode())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a mapping with this key is walked here: a scalar of one of the schema's own tags. */
    static boolean isPlainKey(Node key) {
        return key instanceof ScalarNode && KEY_TAGS.contains(key.getTag());
    }

    /**
     * A plain key as built for the duplicate check.
     *
     * @param key a key {@link #isPlainKey}
     * @return the built key
     * @throws YamlEngineException where its constructor refuses it
     */
    Object key(ScalarNode key) {
        return scalar(key);
    }

    private Object scalar(ScalarNode node) {
        return findConstructorFor(node)
                .orElseThrow(
                        () -> new YamlEngineException("could not determine a constructor for the tag " + node.getTag()))
                .construct(node);
    }
}
