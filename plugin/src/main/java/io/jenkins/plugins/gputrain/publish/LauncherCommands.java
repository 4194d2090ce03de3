package io.jenkins.plugins.gputrain.publish;

import hudson.FilePath;
import hudson.Launcher;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The build's own {@link Launcher}: inside {@code container('dvc')} its commands run in that container. */
final class LauncherCommands implements WorkspaceCommands {
    private final Launcher launcher;
    private final FilePath workspace;

    LauncherCommands(Launcher launcher, FilePath workspace) {
        this.launcher = launcher;
        this.workspace = workspace;
    }

    @Override
    public int run(List<String> command, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException {
        return launcher.launch()
                .cmds(command.toArray(String[]::new))
                .pwd(workspace)
                .stdout(stdout)
                .stderr(stderr)
                .quiet(true)
                .join();
    }
}
