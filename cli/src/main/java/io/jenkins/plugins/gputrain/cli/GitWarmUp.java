package io.jenkins.plugins.gputrain.cli;

import java.io.IOException;
import java.util.Set;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.util.SystemReader;

/**
 * Readies JGit on a second thread while picocli builds and parses the command line, for the commands that open a
 * Git repository: its file system, its classes and the configuration every repository is opened with (JGit's, the
 * system's, which JGit asks the {@code git} executable for, and the user's), read and kept by JGit's
 * {@link SystemReader} as when the command reads it itself. The command waits for it before it opens the
 * repository, so nothing is read twice. A failure is left to the command, which reads the same configuration again
 * and reports it.
 */
final class GitWarmUp {
    /** The subcommands that open the repository they run in ({@link RepositoryOption#open}). */
    static final Set<String> REPOSITORY_COMMANDS = Set.of("metrics", "params", "plots", "report");

    private static volatile Thread started;

    private GitWarmUp() {}

    /**
     * Starts the warm-up when the first argument names a command that opens a repository.
     *
     * @param args the command line's arguments
     * @return whether it was started
     */
    static boolean startFor(String... args) {
        if (args.length == 0 || !REPOSITORY_COMMANDS.contains(args[0])) {
            return false;
        }
        Thread thread = new Thread(GitWarmUp::readConfiguration, "gpu-train git warm-up");
        thread.setDaemon(true); // a command that ends before it opens a repository does not wait for it
        started = thread;
        thread.start();
        return true;
    }

    /** Waits for the warm-up, if one was started; an interrupted wait leaves the rest to the command. */
    static void awaitReadiness() {
        Thread thread = started;
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the configuration a repository is opened with, which JGit keeps for the repository's opening. */
    private static void readConfiguration() {
        try {
            SystemReader.getInstance().getUserConfig();
        } catch (IOException | ConfigInvalidException | RuntimeException e) { // the command reads it again
        }
    }
}
