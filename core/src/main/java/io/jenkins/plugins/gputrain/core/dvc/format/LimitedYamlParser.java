package io.jenkins.plugins.gputrain.core.dvc.format;

import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A YAML event stream checked against {@link ReadLimits} as the composer pulls it: a mapping or sequence deeper than
 * the depth limit, or one with more entries than the entry limit, stops the read before the composer builds (or
 * recurses into) it. It tells the schema the document's {@code %YAML} version as the document starts.
 */
final class LimitedYamlParser implements Parser {
    private final Parser events;
    private final ReadLimits limits;
    private final RuamelYamlSchema schema;
    /** Per open collection: the nodes read in it so far (a mapping's keys and values both count). */
    private final int[] nodes;
    /** Per open collection: whether it is a mapping. */
    private final boolean[] mapping;

    private int depth;

    LimitedYamlParser(Parser events, ReadLimits limits, RuamelYamlSchema schema) {
        this.events = events;
        this.limits = limits;
        this.schema = schema;
        this.nodes = new int[limits.maxDepth() + 1];
        this.mapping = new boolean[limits.maxDepth() + 1];
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return events.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return events.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return events.hasNext();
    }

    @Override
    public Event next() {
        Event event = events.next();
        Event.ID id = event.getEventId();
        switch (id) {
            case Scalar -> countNode();
            case Alias -> countNode();
            case DocumentStart -> schema.version(((DocumentStartEvent) event).getSpecVersion());
            case MappingStart, SequenceStart -> {
                countNode();
                limits.checkDepth(depth + 1);
                depth++;
                nodes[depth] = 0;
                mapping[depth] = id == Event.ID.MappingStart;
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
                // stream and document end events do not nest
            }
        }
        return event;
    }

    private void countNode() {
        if (depth > 0) {
            nodes[depth]++;
            limits.checkEntries(mapping[depth] ? (nodes[depth] + 1) / 2 : nodes[depth]);
        }
    }
}
