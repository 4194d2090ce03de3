package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Streams a YAML document's lists as {@link DataFileReader#streamLists} does JSON's: the top-level list, or every
 * list that is a mapping's value, depth first in file order, each item composed alone (as a document of its own)
 * and built by a {@link YamlValueConstructor} of its own, so only one item's nodes and values are in memory at a time.
 * The schema learns the document's {@code %YAML} version from the parser before any node is composed, as in a whole
 * read. The mappings on the way are read as that constructor reads them: their keys and scalar values built (keys
 * Python holds equal a duplicate-key error), their values that are mappings or lists walked. A tagged collection or a
 * collection key on the way, two keys printed alike ({@code 1} and {@code '1'}: the dict keeps one value), an anchor
 * or an alias make the document one to read whole (as a merge key does, found by {@link DataFileReader} before the
 * stream starts). A value that cannot be built is the file's error once the whole stream is parsed, as when the
 * document is composed first.
 */
final class YamlListStream {
    private final LimitedYamlParser events;
    private final RuamelYamlSchema schema;
    private final NodeAsDocument node;
    private final Composer composer;
    /** The first value that could not be built: thrown once the stream is read, as the whole read would. */
    private YamlEngineException unbuilt;

    /**
     * A stream of one file's events.
     *
     * @param settings the settings the events are parsed with, {@code schema} theirs
     * @param events the file's events, telling {@code schema} the document's version
     * @param schema the schema the nodes are resolved and built by
     */
    YamlListStream(LoadSettings settings, LimitedYamlParser events, RuamelYamlSchema schema) {
        this.events = events;
        this.schema = schema;
        this.node = new NodeAsDocument(events);
        this.composer = new Composer(settings, node);
    }

    /**
     * Reads the stream to its end, handing on the lists.
     *
     * @param lists what receives them
     * @throws YamlEngineException where the whole read fails to compose or build the document
     * @throws LimitExceededException where it is beyond the limits
     * @throws DataFileReader.ReadWholeException where only the whole read reads it as DVC does
     */
    void stream(DataFileReader.DataLists lists) {
        events.next(); // stream start
        if (!events.checkEvent(Event.ID.StreamEnd)) {
            events.next(); // document start
            value(lists);
            events.next(); // document end
            if (!events.checkEvent(Event.ID.StreamEnd)) {
                throw new YamlEngineException("expected a single document in the stream");
            }
        }
        events.next();
        if (unbuilt != null) {
            throw unbuilt;
        }
    }

    private void value(DataFileReader.DataLists lists) {
        if (events.checkEvent(Event.ID.MappingStart)) {
            plain(events.next());
            mapping(lists);
        } else if (events.checkEvent(Event.ID.SequenceStart)) {
            plain(events.next());
            list(lists);
        } else {
            built(composed()); // a scalar: built for its errors only
        }
    }

    private void mapping(DataFileReader.DataLists lists) {
        YamlValueConstructor constructor = constructor();
        Set<Object> keys = new HashSet<>();
        Set<String> texts = new HashSet<>();
        while (!events.checkEvent(Event.ID.MappingEnd)) {
            if (!events.checkEvent(Event.ID.Scalar)) {
                throw new DataFileReader.ReadWholeException();
            }
            Node key = composed();
            if (unbuilt == null) {
                try {
                    YamlValueConstructor.Key built = constructor.mappingKey(key);
                    if (!keys.add(built.identity())) {
                        unbuilt = new YamlEngineException("found duplicate key " + built.text());
                    } else if (!texts.add(built.text())) {
                        throw new DataFileReader.ReadWholeException(); // the dict keeps the last value only
                    }
                } catch (YamlEngineException e) {
                    unbuilt = e;
                }
            }
            value(lists);
        }
        events.next();
    }

    /** A list handed on while every value so far could be built (then the file is an error, nothing more). */
    private void list(DataFileReader.DataLists lists) {
        if (unbuilt == null) {
            lists.start();
        }
        int size = 0;
        while (!events.checkEvent(Event.ID.SequenceEnd)) {
            built(composed()).ifPresent(lists::item);
            size++;
        }
        events.next();
        if (unbuilt == null) {
            lists.end(size);
        }
    }

    /** The next node of the stream, composed alone. */
    private Node composed() {
        node.begin();
        return composer.next();
    }

    /** The node's value, or none once one could not be built (the file's error then, at the end). */
    private Optional<Value> built(Node composed) {
        if (unbuilt != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(constructor().value(composed));
        } catch (YamlEngineException e) {
            unbuilt = e;
            return Optional.empty();
        }
    }

    /** A constructor for nodes composed alone: without aliases, nothing of one is built again for another. */
    private YamlValueConstructor constructor() {
        return new YamlValueConstructor(schema, Set.of());
    }

    /** A mapping or list on the way to the lists: untagged and without an anchor, or the document is read whole. */
    private static void plain(Event start) {
        CollectionStartEvent collection = (CollectionStartEvent) start;
        if (collection.getTag().isPresent() || collection.getAnchor().isPresent()) {
            throw new DataFileReader.ReadWholeException();
        }
    }

    /**
     * The events of the next node in the stream, between a document start and end of their own, so that a
     * {@link Composer} composes one node at a time.
     */
    private static final class NodeAsDocument implements Parser {
        private static final Event START = new DocumentStartEvent(false, Optional.empty(), Map.of());
        private static final Event END = new DocumentEndEvent(false);

        private final Parser events;
        private State state = State.AFTER_END;
        private int depth;

        private enum State {
            BEFORE_START,
            IN_NODE,
            BEFORE_END,
            AFTER_END
        }

        NodeAsDocument(Parser events) {
            this.events = events;
        }

        void begin() {
            state = State.BEFORE_START;
            depth = 0;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return hasNext() && peekEvent().getEventId() == id;
        }

        @Override
        public Event peekEvent() {
            return switch (state) {
                case BEFORE_START -> START;
                case IN_NODE -> events.peekEvent();
                case BEFORE_END -> END;
                case AFTER_END -> throw new IllegalStateException("no node begun");
            };
        }

        @Override
        public boolean hasNext() {
            return state != State.AFTER_END;
        }

        @Override
        public Event next() {
            switch (state) {
                case BEFORE_START -> {
                    state = State.IN_NODE;
                    return START;
                }
                case IN_NODE -> {
                    Event event = events.next();
                    if (event instanceof AliasEvent
                            || event instanceof NodeEvent anchored
                                    && anchored.getAnchor().isPresent()) {
                        throw new DataFileReader.ReadWholeException();
                    }
                    switch (event.getEventId()) {
                        case MappingStart, SequenceStart -> depth++;
                        case MappingEnd, SequenceEnd -> depth--;
                        default -> {
                            // a scalar ends the node when it is not inside one of its collections
                        }
                    }
                    if (depth == 0) {
                        state = State.BEFORE_END;
                    }
                    return event;
                }
                case BEFORE_END -> {
                    state = State.AFTER_END;
                    return END;
                }
                default -> throw new IllegalStateException("no node begun");
            }
        }
    }
}
