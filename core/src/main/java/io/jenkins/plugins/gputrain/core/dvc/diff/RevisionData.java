package io.jenkins.plugins.gputrain.core.dvc.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one revision gave for a diff or show: a result per file, or, when the revision's {@code dvc.yaml} files could
 * not be loaded at all, only that error (and no data).
 *
 * @param name the revision as typed ({@code main}, {@code HEAD~1}, {@code workspace})
 * @param files results by repository path, in the order DVC collects the files ({@code metrics show} lists them so)
 * @param error why the whole revision has no data, or {@code null}
 */
public record RevisionData(String name, Map<String, FileResult> files, FileResult.Failure error) {
    /** Copies the files, keeping their order. */
    public RevisionData {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** A revision whose files were read. */
    public static RevisionData of(String name, Map<String, FileResult> files) {
        return new RevisionData(name, files, null);
    }

    /** A revision that could not be loaded. */
    public static RevisionData failed(String name, FileResult.Failure error) {
        return new RevisionData(name, Map.of(), error);
    }

    /** The revision-level error, if any. */
    public Optional<FileResult.Failure> optionalError() {
        return Optional.ofNullable(error);
    }

    /** Whether anything failed: the revision or one of its files. */
    public boolean hasErrors() {
        return error != null || files.values().stream().anyMatch(FileResult.Failure.class::isInstance);
    }
}
