package io.jenkins.plugins.gputrain.core.spec;

import java.util.Optional;
import java.util.Set;

/**
 * A toleration of a node taint, written as kubectl writes taints: {@code key[=value][:effect]}. Without a value the
 * toleration uses operator {@code Exists}; without an effect it tolerates every effect of that key.
 *
 * @param key the taint key
 * @param value the taint value, or {@code null} to tolerate any value
 * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}, or {@code null} for all
 */
public record TaintToleration(String key, String value, String effect) {
    /** The name of the field in a Jenkinsfile, used in messages. */
    public static final String FIELD = "tolerations";

    /** The form a toleration is written in, for messages. */
    public static final String EXPECTED = "key[=value][:NoSchedule|PreferNoSchedule|NoExecute]";

    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    /**
     * Reads a toleration.
     *
     * @param text e.g. {@code nvidia.com/gpu:NoSchedule} or {@code dedicated=ml:NoExecute}
     * @return the toleration
     * @throws InvalidSpecException for an invalid key, value or effect
     */
    public static TaintToleration parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "must not be empty");
        }
        String spec = text.strip();
        int colon = spec.lastIndexOf(':');
        String effect = colon < 0 ? null : spec.substring(colon + 1);
        String keyValue = colon < 0 ? spec : spec.substring(0, colon);
        if (effect != null && !EFFECTS.contains(effect)) {
            throw invalid(text, "effect '" + effect + "' is not one of NoSchedule, PreferNoSchedule, NoExecute");
        }
        int equals = keyValue.indexOf('=');
        String key = equals < 0 ? keyValue : keyValue.substring(0, equals);
        String value = equals < 0 ? null : keyValue.substring(equals + 1);
        LabelSyntax.keyProblem(key).ifPresent(problem -> {
            throw invalid(text, "key '" + key + "' is not a valid taint key: " + problem);
        });
        if (value != null) {
            LabelSyntax.valueProblem(value).ifPresent(problem -> {
                throw invalid(text, "value '" + value + "' is not a valid taint value: " + problem);
            });
        }
        return new TaintToleration(key, value, effect);
    }

    private static InvalidSpecException invalid(String text, String reason) {
        return new InvalidSpecException(FIELD, text, reason, EXPECTED);
    }

    /** {@code Equal} when a value is given, else {@code Exists}. */
    public String operator() {
        return value == null ? "Exists" : "Equal";
    }

    /** The value, if any. */
    public Optional<String> optionalValue() {
        return Optional.ofNullable(value);
    }

    /** The effect, if limited to one. */
    public Optional<String> optionalEffect() {
        return Optional.ofNullable(effect);
    }
}
