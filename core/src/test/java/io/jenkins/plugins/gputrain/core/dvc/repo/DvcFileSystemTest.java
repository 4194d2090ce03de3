package io.jenkins.plugins.gputrain.core.dvc.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What DVC's file system lists and ignores, in the workspace and in a commit alike. */
class DvcFileSystemTest {
    @TempDir
    Path root;

    @BeforeEach
    void repository() throws Exception {
        for (String file : List.of(
                "m/a.json",
                "m/.hg/h.json",
                "m/sub/s.json",
                "m/sub/.dvc/config",
                "m/ig/i.json",
                "m/k.json",
                "m/deep/d.json",
                "m/again/r.json",
                "m/x.dvc",
                "m/dvc.yaml",
                "m/dvc.lock",
                ".hg/dvc.yaml",
                "sub/dvc.yaml",
                "sub/.dvc",
                "dvc.yaml")) {
            write(file, "");
        }
        write("m/.dvcignore", "ig/\nk.json\nagain/\n");
        write("m/deep/.dvcignore", "*.json\n");
        write(".dvcignore", "m/deep/.dvcignore\n!again/\n");
        MainCommit.of(root);
    }

    @Test
    void aDirectoryListsNeitherIgnoredPathsNorDvcsOwnFilesInTheWorkspace() throws Exception {
        assertListings(new WorkingTree(root, DataFileReader.DEFAULT_MAX_BYTES));
    }

    @Test
    void aDirectoryListsNeitherIgnoredPathsNorDvcsOwnFilesInACommit() throws Exception {
        try (Git git = Git.open(root.toFile());
                RevWalk walk = new RevWalk(git.getRepository())) {
            assertListings(new GitTree(
                    git.getRepository(),
                    walk.parseCommit(git.getRepository().resolve(Constants.HEAD)),
                    DataFileReader.DEFAULT_MAX_BYTES));
        }
    }

    private static void assertListings(RepoTree tree) throws Exception {
        DvcFileSystem fileSystem = new DvcFileSystem(tree);

        // m/again is ignored by m/.dvcignore, the closer file; m/deep/.dvcignore is ignored, so not read
        assertThat(fileSystem.filesUnder("m")).containsExactly("m/a.json", "m/deep/d.json", "m/dvc.lock");
        assertThat(fileSystem.isDirectory("m")).isTrue();
        for (String ignored : List.of("m/ig", "m/sub", "m/.hg", "m/sub/.dvc", "sub", "m/again")) {
            assertThat(fileSystem.isDirectory(ignored)).as(ignored).isFalse();
        }
        assertThat(fileSystem.exists("m/k.json")).isFalse();
        assertThat(fileSystem.exists("m/a.json")).isTrue();
        assertThat(new DvcIgnore(tree).keep(tree.find("dvc.yaml"))).containsExactly("dvc.yaml", "m/dvc.yaml");
    }

    private void write(String file, String content) throws Exception {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
