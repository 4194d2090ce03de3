package io.jenkins.plugins.gputrain.core.gate;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The metric a quality gate checks: a metrics file and a flattened key in it, written {@code FILE:KEY}, e.g.
 * {@code evaluation/metrics.json:acc} or {@code metrics.json:train.loss}. The first {@code :} ends the file, whose
 * path is normalised as DVC names it ({@code ./evaluation//metrics.json} is {@code evaluation/metrics.json}); a path
 * leaving the repository ({@code ../metrics.json}, {@code /tmp/metrics.json}) is refused.
 *
 * @param file the metrics file, relative to the repository, as {@code dvc metrics diff} names it
 * @param key the flattened key ({@code .} between nested keys), as {@code dvc metrics diff} names it
 */
public record MetricReference(String file, String key) implements Serializable {
    /** What a metric reference looks like, for messages. */
    public static final String SYNTAX = "FILE:KEY, e.g. evaluation/metrics.json:acc";

    private static final String INSIDE = "a metrics file inside the repository, " + SYNTAX;

    /**
     * Reads {@code FILE:KEY}.
     *
     * @param field the field or option named in the message
     * @param text the reference
     * @return the reference
     * @throws InvalidSpecException when there is no {@code :}, nothing on one side of it, or the file is outside the
     *     repository
     */
    public static MetricReference parse(String field, String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new InvalidSpecException(field, value, "no ':' between the metrics file and the key", SYNTAX);
        }
        String file = value.substring(0, colon).strip();
        String key = value.substring(colon + 1).strip();
        if (file.isEmpty()) {
            throw new InvalidSpecException(field, value, "no metrics file before ':'", SYNTAX);
        }
        if (key.isEmpty()) {
            throw new InvalidSpecException(field, value, "no metric key after ':'", SYNTAX);
        }
        return new MetricReference(normalised(field, value, file), key);
    }

    /** The path without {@code .}, empty segments and resolved {@code ..}, or refused when it leaves the repository. */
    private static String normalised(String field, String value, String file) {
        if (file.startsWith("/")) {
            throw new InvalidSpecException(field, value, "the metrics file is an absolute path", INSIDE);
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : file.split("/")) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new InvalidSpecException(field, value, "the metrics file is outside the repository", INSIDE);
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new InvalidSpecException(field, value, "no metrics file before ':'", SYNTAX);
        }
        return String.join("/", segments);
    }

    @Override
    public String toString() {
        return file + ":" + key;
    }
}
