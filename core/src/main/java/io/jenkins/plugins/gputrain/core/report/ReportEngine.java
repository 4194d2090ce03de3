package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What computes the diffs of a report: gpu-train's own engine, DVC itself, or DVC when it is on the PATH. */
public enum ReportEngine {
    /** DVC when {@code dvc --version} succeeds where the workspace is, else gpu-train's engine. */
    AUTO,
    /** gpu-train's engine: no DVC or Python needed. */
    BUILTIN,
    /** DVC's own {@code --json} output; fails when DVC is not on the PATH. */
    DVC;

    /** The name of the argument, used in messages. */
    public static final String FIELD = "engine";

    /** The value as written in a Jenkinsfile. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads an engine name.
     *
     * @param text {@code auto}, {@code builtin} or {@code dvc} (any case); blank means {@link #AUTO}
     * @return the engine
     * @throws InvalidSpecException for any other text
     */
    public static ReportEngine parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        return Arrays.stream(values())
                .filter(engine -> engine.value().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidSpecException(
                        FIELD,
                        text,
                        "unknown engine",
                        Arrays.stream(values()).map(ReportEngine::value).collect(Collectors.joining(", "))));
    }
}
