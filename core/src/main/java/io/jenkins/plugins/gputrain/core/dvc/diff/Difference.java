package io.jenkins.plugins.gputrain.core.dvc.diff;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.Objects;
import java.util.Optional;

/**
 * One changed (or, with {@code --all}, unchanged) metric or param: DVC's {@code {"old": …, "new": …, "diff": …}}.
 *
 * @param key the flattened key ({@code train.epochs}); empty for a file holding a bare scalar
 * @param old the value in the old revision, {@link Value.None} when absent
 * @param current the value in the new revision, {@link Value.None} when absent
 * @param change {@code new - old} when both are numbers, else {@code null}
 * @param pythonKey the key as Python holds it: a string, or a top-level key that is not ({@code 1.5}, {@code True},
 *     {@code None}), which DVC's {@code --json} writes as {@code json.dumps} does ({@code "true"})
 */
public record Difference(String key, Value old, Value current, Value change, Value pythonKey) {
    /** Checks the parts. */
    public Difference {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pythonKey, "pythonKey");
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(current, "current");
    }

    /** A difference under a string key. */
    public Difference(String key, Value old, Value current, Value change) {
        this(key, old, current, change, new Value.Str(key));
    }

    /** The change, when both sides are numbers. */
    public Optional<Value> optionalChange() {
        return Optional.ofNullable(change);
    }
}
