package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Warnings about the project rather than one file: a revision whose {@code dvc.yaml} could not be loaded (DVC's
 * {@code WARNING: failed to load metrics in revision …}) and an empty {@code dvc.yaml} (DVC says nothing; the tables
 * would be empty without a reason).
 */
final class ProjectWarnings {
    private ProjectWarnings() {}

    /**
     * DVC's line per revision that failed as a whole, the workspace first, as DVC's brancher visits it.
     *
     * @param what {@code metrics} or {@code params}
     * @param revisions what each revision gave
     * @return one line per failed revision
     */
    static List<String> failedRevisions(String what, List<RevisionData> revisions) {
        List<String> lines = new ArrayList<>();
        List<RevisionData> visited = revisions.stream()
                .sorted(Comparator.comparing(revision -> !revision.name().equals(DvcRepository.WORKSPACE)))
                .toList();
        for (RevisionData revision : visited) {
            revision.optionalError()
                    .map(error -> "WARNING: failed to load " + what + " in revision '" + revision.name() + "', "
                            + ErrorReporting.oneLine(error.message()))
                    .filter(line -> !lines.contains(line))
                    .ifPresent(lines::add);
        }
        return lines;
    }

    /**
     * A warning when the workspace's top-level {@code dvc.yaml} declares nothing (empty, only comments, or {@code {}}).
     *
     * @param repository the repository
     * @return the warning, if the file is empty
     */
    static Optional<String> emptyDvcYaml(DvcRepository repository) {
        try {
            Optional<byte[]> content = repository.tree(DvcRepository.WORKSPACE).read("dvc.yaml");
            Value document = content.isEmpty() ? null : repository.reader().read("dvc.yaml", content.get());
            if (document instanceof Value.None
                    || document instanceof Value.Dict dict && dict.entries().isEmpty()) {
                return Optional.of("WARNING: " + repository.root().resolve("dvc.yaml")
                        + " is empty: it declares no stages, metrics, params or plots");
            }
        } catch (IOException | UnknownRevisionException | UnreadableFileException e) {
            // an unreadable dvc.yaml is reported by the command itself
        }
        return Optional.empty();
    }
}
