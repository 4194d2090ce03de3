package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonKey;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads a plain YAML document straight from its event stream into the values the composed read ({@code Composer},
 * then {@link YamlValueConstructor}) gives, without a node graph: mappings of scalar keys and lists, each scalar
 * resolved and built by the schema ({@link RuamelYamlSchema#construct}). A document is plain without a directive, a
 * tag, an anchor, an alias, a merge key (a plain {@code <<} key), a collection as a key, a repeated key (the same
 * text, or keys Python holds equal), a second document, or a scalar its constructor refuses. Anything else, and any
 * error the stream raises (syntax, a {@link ReadLimits} bound), is left to the composed read: it reads the document
 * again and gives its value or its error, with its marks, so errors are only ever the composed read's.
 */
final class PlainYamlDocument {
    private static final String MERGE = "<<";

    private final Parser events;
    private final RuamelYamlSchema schema;
    private final ScalarResolver resolver;

    private PlainYamlDocument(Parser events, RuamelYamlSchema schema) {
        this.events = events;
        this.schema = schema;
        this.resolver = schema.getScalarResolver();
    }

    /** Thrown where the document is not plain. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super("not a plain document", null, false, false);
        }
    }

    /**
     * Reads a document that is plain.
     *
     * @param events the document's events, within the limits and telling {@code schema} its version ({@link
     *     LimitedYamlParser})
     * @param schema the schema its scalars are resolved and built by
     * @return the document's value ({@link Value.None} for an empty stream), or empty where it is not plain or the
     *     stream raised an error: the composed read decides then
     */
    static Optional<Value> read(Parser events, RuamelYamlSchema schema) {
        try {
            return Optional.of(new PlainYamlDocument(events, schema).stream());
        } catch (NotPlain | YamlEngineException | LimitExceededException e) {
            return Optional.empty();
        }
    }

    private Value stream() {
        events.next(); // stream start
        if (events.checkEvent(Event.ID.StreamEnd)) {
            return Value.None.NONE;
        }
        DocumentStartEvent start = (DocumentStartEvent) events.next();
        if (start.getSpecVersion().isPresent() || !start.getTags().isEmpty()) {
            throw new NotPlain();
        }
        Value value = node(events.next());
        events.next(); // document end
        if (!events.checkEvent(Event.ID.StreamEnd)) {
            throw new NotPlain(); // a second document: the composed read's error
        }
        return value;
    }

    private Value node(Event event) {
        if (event instanceof ScalarEvent scalar) {
            return scalar(scalar);
        }
        if (!(event instanceof CollectionStartEvent collection)
                || collection.getTag().isPresent()
                || collection.getAnchor().isPresent()) {
            throw new NotPlain(); // an alias, a tagged or anchored collection
        }
        return event.getEventId() == Event.ID.MappingStart ? mapping() : list();
    }

    private Value scalar(ScalarEvent scalar) {
        if (scalar.getTag().isPresent() || scalar.getAnchor().isPresent()) {
            throw new NotPlain();
        }
        String text = scalar.getValue();
        try {
            return schema.construct(resolver.resolve(text, scalar.getImplicit().canOmitTagInPlainScalar()), text);
        } catch (YamlEngineException e) {
            throw new NotPlain(); // the composed read raises it, or an error of the stream met before it is built
        }
    }

    /**
     * A mapping as {@code construct_mapping} builds it when no key repeats: string keys as they are, other keys kept
     * by the text DVC prints them as.
     */
    private Value.Dict mapping() {
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, Value> typedKeys = new LinkedHashMap<>();
        Set<Object> typedIdentities = new HashSet<>();
        while (!events.checkEvent(Event.ID.MappingEnd)) {
            if (!(events.next() instanceof ScalarEvent keyEvent)
                    || keyEvent.isPlain() && keyEvent.getValue().equals(MERGE)) {
                throw new NotPlain(); // a collection or an alias as a key, or a merge key
            }
            Value key = scalar(keyEvent);
            String text;
            if (key instanceof Value.Str string) {
                text = string.value(); // its own identity: it repeats only where its text does
            } else {
                text = key.str();
                if (!typedIdentities.add(PythonKey.of(key))) {
                    throw new NotPlain(); // keys Python holds equal (1, 1.0, true)
                }
                typedKeys.put(text, key);
            }
            if (entries.put(text, node(events.next())) != null) {
                throw new NotPlain(); // a key printed alike ('1' and 1) or repeated
            }
        }
        events.next();
        return new Value.Dict(entries, typedKeys);
    }

    private Value.Seq list() {
        List<Value> items = new ArrayList<>();
        while (!events.checkEvent(Event.ID.SequenceEnd)) {
            items.add(node(events.next()));
        }
        events.next();
        return Value.Seq.list(items);
    }
}
