package io.jenkins.plugins.gputrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaselineRevisionTest {
    @Test
    void aBranchIsLookedForLocallyThenAsTheRemoteTrackingBranchThenFetchedOneCommitDeep() {
        BaselineRevision main = new BaselineRevision("main");

        assertThat(main.candidates()).containsExactly("main", "origin/main");
        assertThat(BaselineRevision.probe("origin/main"))
                .containsExactly("git", "rev-parse", "--verify", "--quiet", "origin/main^{commit}");
        assertThat(main.fetch())
                .containsExactly("git", "fetch", "--depth=1", "origin", "+refs/heads/main:refs/remotes/origin/main");
    }

    @Test
    void remoteBranchesCommitsAndExpressionsAreNotFetched() {
        assertThat(new BaselineRevision("origin/main").candidates()).containsExactly("origin/main");
        assertThat(new BaselineRevision("origin/main").fetch()).isEmpty();
        assertThat(new BaselineRevision("3f2a9c1").fetch()).isEmpty();
        assertThat(new BaselineRevision("HEAD~1").candidates()).containsExactly("HEAD~1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '#',
            value = {
                "--upload-pack=evil # baseline '--upload-pack=evil': must not start with '-' (expected a branch, tag or"
                        + " commit such as main, origin/main or v1.2)",
                "main; rm -rf / # baseline 'main; rm -rf /': is not a revision name (expected a branch, tag or commit such"
                        + " as main, origin/main or v1.2)",
                "a..b # baseline 'a..b': is not a revision name (expected a branch, tag or commit such as main,"
                        + " origin/main or v1.2)",
            })
    void namesThatGitCouldTakeForSomethingElseAreRefused(String name, String message) {
        assertThatThrownBy(() -> new BaselineRevision(name))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(message);
    }

    @Test
    void theProbeFindsACommitInARealCheckout(@TempDir Path repository) throws Exception {
        try (Git git = Git.init()
                .setDirectory(repository.toFile())
                .setInitialBranch("main")
                .call()) {
            git.commit()
                    .setMessage("first")
                    .setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com")
                    .setSign(false)
                    .setAllowEmpty(true)
                    .call();
        }

        assertThat(run(repository, BaselineRevision.probe("main"))).isZero();
        assertThat(run(repository, BaselineRevision.probe("origin/main"))).isNotZero();
    }

    private static int run(Path directory, List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }
}
