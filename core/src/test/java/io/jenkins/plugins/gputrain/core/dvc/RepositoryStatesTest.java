package io.jenkins.plugins.gputrain.core.dvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diffs in a Git repository without commits (empty, as DVC's {@code test_no_commits}) and outside Git. */
class RepositoryStatesTest {
    @TempDir
    Path root;

    @Test
    void aRepositoryWithoutCommitsHasEmptyDiffsWhateverTheRevisions() throws Exception {
        Git.init().setDirectory(root.toFile()).call().close();
        Files.writeString(root.resolve("dvc.yaml"), "metrics:\n- m.json\nparams:\n- params.yaml\n");
        Files.writeString(root.resolve("m.json"), "{\"acc\": 1}");
        Files.writeString(root.resolve("params.yaml"), "lr: 1\n");

        try (DvcRepository repository = DvcRepository.open(root, 1 << 20)) {
            DvcDiff diff = new DvcDiff(repository);
            assertThat(diff.metrics("HEAD", DvcRepository.WORKSPACE, List.of(), true))
                    .isEqualTo(DiffOutcome.empty());
            assertThat(diff.params("main", DvcRepository.WORKSPACE, List.of(), true, false))
                    .isEqualTo(DiffOutcome.empty());
        }
    }

    @Test
    void aRevisionOutsideGitSaysThereIsNoGitRepository() throws Exception {
        Files.writeString(root.resolve("m.json"), "{\"acc\": 1}");

        try (DvcRepository repository = DvcRepository.open(root, 1 << 20)) {
            assertThatThrownBy(() -> new DvcDiff(repository).metrics("HEAD", "workspace", List.of(), false))
                    .isInstanceOf(UnknownRevisionException.class)
                    .hasMessage(root.toRealPath() + " is not a git repository (nor is any parent), so it has no"
                            + " revision 'HEAD'; only the workspace can be read");
        }
    }
}
