package io.jenkins.plugins.gputrain.publish;

import hudson.FilePath;
import hudson.Launcher;
import io.jenkins.plugins.gputrain.core.report.BaselineRevision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Finds the baseline in the checkout with git through the build's Launcher (on the agent): the name, then
 * {@code origin/<name>}, then after a one-commit-deep fetch of the branch (shallow clones). When it still cannot be
 * had, the report says "no baseline"; the build does not fail for it.
 */
final class BaselineFetch {
    private final Launcher launcher;
    private final FilePath workspace;
    private final PrintStream console;

    BaselineFetch(Launcher launcher, FilePath workspace, PrintStream console) {
        this.launcher = launcher;
        this.workspace = workspace;
        this.console = console;
    }

    /** The revision to compare with: one that git resolves, else the name as given. */
    String resolve(BaselineRevision baseline) throws IOException, InterruptedException {
        Optional<String> found = find(baseline);
        if (found.isPresent()) {
            return found.get();
        }
        List<String> fetch = baseline.fetch();
        if (!fetch.isEmpty()) {
            console.println("[gpu-train] baseline " + baseline.name() + " is not in the checkout; fetching it: "
                    + String.join(" ", fetch));
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            if (run(fetch, output) != 0) {
                console.println("[gpu-train] could not fetch " + baseline.name() + ": "
                        + output.toString(StandardCharsets.UTF_8).strip());
            }
            found = find(baseline);
        }
        return found.orElse(baseline.name());
    }

    private Optional<String> find(BaselineRevision baseline) throws IOException, InterruptedException {
        for (String candidate : baseline.candidates()) {
            if (run(BaselineRevision.probe(candidate), new ByteArrayOutputStream()) == 0) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private int run(List<String> command, ByteArrayOutputStream output) throws IOException, InterruptedException {
        return launcher.launch()
                .cmds(command.toArray(String[]::new))
                .pwd(workspace)
                .stdout(output)
                .stderr(output)
                .quiet(true)
                .join();
    }
}
