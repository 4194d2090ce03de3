package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The warm-up reads the configuration a repository is opened with, once, before the command opens it. */
class GitWarmUpTest {
    /** The threads that opened the user configuration, in order. */
    private final List<String> userConfigReaders = new CopyOnWriteArrayList<>();

    /** A fresh reader: JGit's configuration not read yet. */
    private void recordWhoOpensTheUserConfiguration() {
        SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
            @Override
            public FileBasedConfig openUserConfig(Config parent, FS fs) {
                userConfigReaders.add(Thread.currentThread().getName());
                return super.openUserConfig(parent, fs);
            }
        });
    }

    @AfterEach
    void restoreTheSystemReader() {
        SystemReader.setInstance(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "params", "plots", "report"})
    void aRepositoryCommandHasTheConfigurationReadOnceOnTheWarmUpThread(String command, @TempDir Path project)
            throws Exception {
        Git.init().setDirectory(project.toFile()).call().close();
        recordWhoOpensTheUserConfiguration();
        RepositoryOption repository = new RepositoryOption();
        repository.directory = project;

        assertThat(GitWarmUp.startFor(command, "diff")).isTrue();
        try (DvcRepository opened = repository.open()) {
            assertThat(opened.root()).isEqualTo(project.toRealPath());
        }

        assertThat(userConfigReaders).containsExactly("gpu-train git warm-up");
    }

    @Test
    void otherCommandLinesStartNoWarmUp() {
        recordWhoOpensTheUserConfiguration();
        assertThat(GitWarmUp.startFor()).isFalse();
        assertThat(GitWarmUp.startFor("--help")).isFalse();
        assertThat(GitWarmUp.startFor("run", "train")).isFalse();
        assertThat(GitWarmUp.startFor("help", "metrics")).isFalse();
        assertThat(GitWarmUp.startFor("demo")).isFalse();

        assertThat(userConfigReaders).isEmpty();
    }
}
