package io.jenkins.plugins.gputrain.publish;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import io.jenkins.plugins.gputrain.core.report.BaselineRevision;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the baseline in the checkout with git in the workspace (on the agent): the name, then {@code origin/<name>},
 * then after a one-commit-deep fetch of the branch (shallow clones). When it still cannot be had, the report says "no
 * baseline"; the build does not fail for it. Without a git command here the name is looked up as given.
 */
final class BaselineFetch {
    private final WorkspaceCommands commands;
    private final PrintStream console;
    private final String checkout;
    private boolean gitMissing;

    /**
     * @param checkout the checkout's directory where the commands run: git runs with it as a {@code safe.directory},
     *     since inside {@code container('dvc')} git may run as another user (often root) than the one that checked
     *     out (the agent's), and then refuses the repository as of "dubious ownership"
     */
    BaselineFetch(WorkspaceCommands commands, PrintStream console, String checkout) {
        this.commands = commands;
        this.console = console;
        this.checkout = checkout;
    }

    /** The revision to compare with: one that git resolves, else the name as given. */
    String resolve(BaselineRevision baseline) throws InterruptedException {
        Optional<String> found = find(baseline);
        List<String> fetch = baseline.fetch();
        if (found.isPresent() || fetch.isEmpty() || gitMissing) {
            return found.orElse(baseline.name());
        }
        console.println(PREFIX + "baseline " + baseline.name() + " is not in the checkout; fetching it: "
                + String.join(" ", fetch));
        CommandOutput fetched = git(fetch);
        if (!fetched.succeeded()) {
            console.println(PREFIX + "could not fetch " + baseline.name() + ": " + fetched.failure());
        }
        return find(baseline).orElse(baseline.name());
    }

    private Optional<String> find(BaselineRevision baseline) throws InterruptedException {
        for (String candidate : baseline.candidates()) {
            CommandOutput probe = git(BaselineRevision.probe(candidate));
            if (probe.notStarted() != null) {
                gitMissing = true;
                console.println(PREFIX + probe.failure() + "; looking up " + baseline.name() + " without fetching it");
                return Optional.empty();
            }
            if (probe.succeeded()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private CommandOutput git(List<String> command) throws InterruptedException {
        List<String> withSafeDirectory = new ArrayList<>(command);
        withSafeDirectory.addAll(1, List.of("-c", "safe.directory=" + checkout));
        return CommandOutput.of(commands, withSafeDirectory);
    }
}
