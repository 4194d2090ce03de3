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
 */
public record Difference(String key, Value old, Value current, Value change) {
    /** Checks the parts. */
    public Difference {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(current, "current");
    }

    /** The change, when both sides are numbers. */
    public Optional<Value> optionalChange() {
        return Optional.ofNullable(change);
    }
}
