package io.jenkins.plugins.gputrain.core.dvc.diff;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;

/** What reading one metrics or params file in one revision gave: its data, or why there is none. */
public sealed interface FileResult {
    /**
     * The file's data.
     *
     * @param value the parsed (and, for metrics, filtered) value
     */
    record Data(Value value) implements FileResult {}

    /**
     * The file could not be read; DVC reports it per file and diffs the file as missing.
     *
     * @param type DVC's error type, e.g. {@code JSONFileCorruptedError}, {@code FileNotFoundError}
     * @param message what went wrong
     */
    record Failure(String type, String message) implements FileResult {}
}
