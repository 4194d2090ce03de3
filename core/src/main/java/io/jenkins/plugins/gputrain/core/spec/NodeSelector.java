package io.jenkins.plugins.gputrain.core.spec;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Node labels the training pod must run on, from {@code nodeSelector: 'gpu=true'} (the kubernetes-plugin form
 * {@code key=value[,key=value…]}) or, on the command line, a repeated option.
 *
 * @param labels the labels, sorted by key
 */
public record NodeSelector(SortedMap<String, String> labels) {
    /** The name of the field in a Jenkinsfile, used in messages. */
    public static final String FIELD = "nodeSelector";

    /** The form {@code nodeSelector} accepts, for messages. */
    public static final String EXPECTED = "key=value[,key=value…] with Kubernetes label keys and values";

    /** No selector: the pod may run on any node. */
    public static final NodeSelector NONE = new NodeSelector(new TreeMap<>());

    /** Keeps an unmodifiable copy. */
    public NodeSelector {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /**
     * Reads one {@code nodeSelector} value. Entries are separated by commas; whitespace around entries, keys and
     * values is ignored. A blank value means no selector.
     *
     * @param text the value
     * @return the selector
     * @throws InvalidSpecException for an entry without {@code =}, an invalid key or value, or a key given twice
     *     with different values
     */
    public static NodeSelector parse(String text) {
        return parse(text == null ? List.of() : List.of(text));
    }

    /**
     * Reads several values, e.g. a repeated command-line option; each may itself hold comma-separated entries.
     *
     * @param texts the values
     * @return the combined selector
     * @throws InvalidSpecException as {@link #parse(String)}, also for a key repeated across values
     */
    public static NodeSelector parse(List<String> texts) {
        TreeMap<String, String> labels = new TreeMap<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            for (String entry : text.split(",", -1)) {
                add(labels, text, entry.strip());
            }
        }
        return new NodeSelector(labels);
    }

    private static void add(TreeMap<String, String> labels, String text, String entry) {
        if (entry.isEmpty()) {
            throw invalid(text, "empty entry between commas");
        }
        int equals = entry.indexOf('=');
        if (equals < 0) {
            throw invalid(text, "entry '" + entry + "' has no '='");
        }
        String key = entry.substring(0, equals).strip();
        String value = entry.substring(equals + 1).strip();
        LabelSyntax.keyProblem(key).ifPresent(problem -> {
            throw invalid(text, "key '" + key + "' is not a valid label key: " + problem);
        });
        LabelSyntax.valueProblem(value).ifPresent(problem -> {
            throw invalid(
                    text,
                    "value '" + value + "' of key '" + key + "' is not a valid label value: " + problem + " ("
                            + LabelSyntax.VALUE_RULE + ")");
        });
        String previous = labels.putIfAbsent(key, value);
        if (previous != null && !previous.equals(value)) {
            throw invalid(text, "key '" + key + "' is given twice, as '" + previous + "' and '" + value + "'");
        }
    }

    private static InvalidSpecException invalid(String text, String reason) {
        return new InvalidSpecException(FIELD, text, reason, EXPECTED);
    }

    /** Whether no label is required. */
    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** The selector in its {@code key=value,key=value} form. */
    public String toSpec() {
        StringBuilder spec = new StringBuilder();
        labels.forEach((key, value) -> {
            if (spec.length() > 0) {
                spec.append(',');
            }
            spec.append(key).append('=').append(value);
        });
        return spec.toString();
    }
}
