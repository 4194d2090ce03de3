package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonKey;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Builds {@link Value}s from a composed YAML document as ruamel.yaml's {@code SafeConstructor} (DVC's) builds Python
 * objects: scalars by the schema's constructors; {@code !!map} a dict whose keys Python holds equal ({@link
 * PythonKey}: {@code 1}, {@code 1.0}, {@code true}) are a duplicate-key error, except in a mapping with a merge key,
 * where a later value replaces an earlier one under the first key; {@code !!seq} a list; a sequence as a key a
 * tuple; {@code !!set} a set (its keys, in the order written); {@code !!omap} a dict; {@code !!pairs} a list of
 * (key, value) tuples; {@code !!binary} bytes. An unhashable key (a mapping, a set, a list inside a tuple), any other
 * tag or a recursive alias is an error. Each collection node is built once, so aliases cost nothing more; a scalar
 * is built where it is met (cheaper than remembering each one).
 */
final class YamlValueConstructor {
    private static final Tag OMAP = new Tag(Tag.PREFIX + "omap");
    private static final Tag PAIRS = new Tag(Tag.PREFIX + "pairs");

    private final RuamelYamlSchema schema;
    private final Set<MappingNode> merging;
    private final Map<Node, Value> built = new IdentityHashMap<>();
    private final Set<Node> building = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * A constructor for one document.
     *
     * @param schema the document's schema, with its version
     * @param merging the mappings that had a merge key ({@link YamlMergeKeys#apply})
     */
    YamlValueConstructor(RuamelYamlSchema schema, Set<MappingNode> merging) {
        this.schema = schema;
        this.merging = merging;
    }

    /**
     * The value of a node.
     *
     * @param node a node of the document
     * @return the value
     * @throws YamlEngineException where ruamel.yaml raises an error (a duplicate or unhashable key, a tag without a
     *     constructor, a scalar its constructor refuses) or the node contains itself
     */
    Value value(Node node) {
        if (node instanceof ScalarNode) {
            return construct(node);
        }
        Value value = built.get(node);
        if (value != null) {
            return value;
        }
        if (!building.add(node)) {
            throw new YamlEngineException("a recursive alias: a collection that contains itself");
        }
        value = construct(node);
        building.remove(node);
        built.put(node, value);
        return value;
    }

    private Value construct(Node node) {
        Tag tag = node.getTag();
        if (node instanceof ScalarNode scalar) {
            return schema.construct(tag, scalar.getValue());
        }
        if (node instanceof MappingNode mapping && tag.equals(Tag.MAP)) {
            return dict(mapping);
        }
        if (node instanceof MappingNode mapping && tag.equals(Tag.SET)) {
            return new Value.Seq(keys(mapping), Value.Seq.Kind.SET);
        }
        if (node instanceof SequenceNode sequence && tag.equals(Tag.SEQ)) {
            List<Value> items = new ArrayList<>(sequence.getValue().size());
            sequence.getValue().forEach(item -> items.add(value(item)));
            return Value.Seq.list(items);
        }
        if (node instanceof SequenceNode sequence && tag.equals(OMAP)) {
            return omap(sequence);
        }
        if (node instanceof SequenceNode sequence && tag.equals(PAIRS)) {
            List<Value> pairs = new ArrayList<>();
            for (NodeTuple pair : pairs(sequence)) {
                pairs.add(new Value.Seq(
                        List.of(value(pair.getKeyNode()), value(pair.getValueNode())), Value.Seq.Kind.TUPLE));
            }
            return Value.Seq.list(pairs);
        }
        throw new YamlEngineException("could not determine a constructor for the tag " + tag);
    }

    /** {@code construct_mapping}: duplicates refused unless the mapping merged (then the last value wins). */
    private Value.Dict dict(MappingNode mapping) {
        boolean merged = merging.contains(mapping);
        Map<Object, Map.Entry<Value, Value>> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Value key = key(tuple.getKeyNode());
            Object identity = PythonKey.of(key);
            Value value = value(tuple.getValueNode());
            Map.Entry<Value, Value> earlier = entries.get(identity);
            if (earlier != null && !merged) {
                throw new YamlEngineException("found duplicate key " + text(key));
            }
            entries.put(identity, Map.entry(earlier == null ? key : earlier.getKey(), value));
        }
        return dict(entries.values());
    }

    /** A set's items: its mapping's keys, duplicates refused as in a mapping. */
    private List<Value> keys(MappingNode mapping) {
        Map<Object, Value> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Value key = key(tuple.getKeyNode());
            if (keys.putIfAbsent(PythonKey.of(key), key) != null && !merging.contains(mapping)) {
                throw new YamlEngineException("found duplicate key " + key.str());
            }
        }
        return new ArrayList<>(keys.values());
    }

    /** {@code construct_yaml_omap}: single-entry mappings in order, a repeated key refused. */
    private Value.Dict omap(SequenceNode sequence) {
        Map<Object, Map.Entry<Value, Value>> entries = new LinkedHashMap<>();
        for (NodeTuple pair : pairs(sequence)) {
            Value key = value(pair.getKeyNode());
            if (entries.put(hashable(key), Map.entry(key, value(pair.getValueNode()))) != null) {
                throw new YamlEngineException("a repeated key in an ordered map: " + key.str());
            }
        }
        return dict(entries.values());
    }

    /**
     * A dict of keys and values, keyed by each key's text, the keys that are not strings kept: a later key of the same
     * text but another identity ({@code 1} after {@code '1'}) replaces the value under the first.
     */
    private static Value.Dict dict(Iterable<Map.Entry<Value, Value>> entries) {
        Map<String, Value> dict = new LinkedHashMap<>();
        Map<String, Value> keys = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> entry : entries) {
            String text = text(entry.getKey());
            keys.putIfAbsent(text, entry.getKey());
            dict.put(text, entry.getValue());
        }
        return new Value.Dict(dict, keys);
    }

    /** The entries of an ordered map or pairs: each item a mapping of one entry. */
    private static List<NodeTuple> pairs(SequenceNode sequence) {
        List<NodeTuple> pairs = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode entry) || entry.getValue().size() != 1) {
                throw new YamlEngineException("expected a single mapping item in " + sequence.getTag());
            }
            pairs.add(entry.getValue().get(0));
        }
        return pairs;
    }

    /**
     * A mapping's key as its dict holds it.
     *
     * @param node a mapping key of the document
     * @return the key's identity and text
     * @throws YamlEngineException where the key cannot be built or is unhashable
     */
    Key mappingKey(Node node) {
        Value key = key(node);
        return new Key(PythonKey.of(key), text(key));
    }

    /**
     * A dict's key.
     *
     * @param identity what makes it the same key as another ({@link PythonKey}): a repeat is a duplicate key
     * @param text what the dict is keyed by: a key of another identity with the same text replaces its value
     */
    record Key(Object identity, String text) {}

    /** A mapping key: a list becomes a tuple, as ruamel.yaml makes it hashable. */
    private Value key(Node node) {
        Value key = value(node);
        if (key instanceof Value.Seq seq && seq.kind() == Value.Seq.Kind.LIST) {
            key = new Value.Seq(seq.items(), Value.Seq.Kind.TUPLE);
        }
        hashable(key);
        return key;
    }

    /** A key's identity, refusing what Python cannot hash: a dict, a list, a set (also inside a tuple). */
    private static Object hashable(Value key) {
        if (key instanceof Value.Dict
                || key instanceof Value.Seq seq
                        && (seq.kind() != Value.Seq.Kind.TUPLE
                                || !seq.items().stream().allMatch(item -> hashable(item) != null))) {
            throw new YamlEngineException("found unhashable key " + key.str());
        }
        return PythonKey.of(key);
    }

    /** A dict's key as DVC prints it: a string as it is, anything else as Python's {@code str()}. */
    private static String text(Value key) {
        return key instanceof Value.Str text ? text.value() : key.str();
    }
}
