package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -C DIR}: run as if started in that directory, as {@code git -C} and DVC's {@code cd} do. */
final class RepositoryOption {
    @Option(
            names = "-C",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Run in this directory (default: the current one).")
    Path directory;

    /**
     * Opens the DVC repository the directory is in (a plain directory has only the workspace), once JGit's warm-up
     * is done, if one was started.
     *
     * @return the repository
     * @throws CommandFailure naming {@code -C} when the directory is missing or the repository cannot be opened
     */
    DvcRepository open() throws CommandFailure {
        FileProblem.requireDirectory("-C", directory);
        GitWarmUp.awaitReadiness();
        try {
            return DvcRepository.open(directory, DataFileReader.DEFAULT_MAX_BYTES);
        } catch (IOException e) {
            throw new CommandFailure(
                    "cannot open the Git repository at " + directory + ": " + FileProblem.reason(e), e);
        }
    }
}
