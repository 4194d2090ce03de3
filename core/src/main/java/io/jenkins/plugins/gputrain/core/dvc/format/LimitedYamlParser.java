package io.jenkins.plugins.gputrain.core.dvc.format;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A YAML event stream checked against {@link ReadLimits} as the composer pulls it: a mapping or sequence deeper than
 * the depth limit, or one with more entries than the entry limit, stops the read before the composer builds (or
 * recurses into) it. It also tells whether the document had aliases (without, its nodes form a tree).
 */
final class LimitedYamlParser implements Parser {
    private final Parser events;
    private final ReadLimits limits;
    /** Per open collection: the nodes read in it so far (a mapping's keys and values both count). */
    private final int[] nodes;
    /** Per open collection: whether it is a mapping. */
    private final boolean[] mapping;

    private int depth;
    private boolean aliases;

    LimitedYamlParser(Parser events, ReadLimits limits) {
        this.events = events;
        this.limits = limits;
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
            case Alias -> {
                countNode();
                aliases = true;
            }
            case MappingStart, SequenceStart -> {
                countNode();
                limits.checkDepth(depth + 1);
                depth++;
                nodes[depth] = 0;
                mapping[depth] = id == Event.ID.MappingStart;
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
                // stream and document events do not nest
            }
        }
        return event;
    }

    /** Whether an alias was read so far. */
    boolean hasAliases() {
        return aliases;
    }

    private void countNode() {
        if (depth > 0) {
            nodes[depth]++;
            limits.checkEntries(mapping[depth] ? (nodes[depth] + 1) / 2 : nodes[depth]);
        }
    }
}
