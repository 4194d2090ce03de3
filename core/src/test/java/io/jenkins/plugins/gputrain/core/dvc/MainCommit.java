package io.jenkins.plugins.gputrain.core.dvc;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Tests' baselines: a new Git repository whose branch {@code main} holds one commit of everything in the work tree. */
public final class MainCommit {
    private MainCommit() {}

    /**
     * Initialises the repository and commits every file on {@code main}.
     *
     * @param workTree the directory
     * @throws IOException when Git fails
     */
    public static void of(Path workTree) throws IOException {
        try (Git git = Git.init()
                .setDirectory(workTree.toFile())
                .setInitialBranch("main")
                .call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("main")
                    .setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com")
                    .setSign(false)
                    .call();
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
    }
}
