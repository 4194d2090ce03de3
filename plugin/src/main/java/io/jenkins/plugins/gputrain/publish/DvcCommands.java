package io.jenkins.plugins.gputrain.publish;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import io.jenkins.plugins.gputrain.core.report.DvcOutput;
import io.jenkins.plugins.gputrain.core.report.ReportEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs DVC's own diffs through the build's Launcher (inside {@code container('dvc')} that is the DVC container) when
 * the engine asks for it: {@code dvc} always, {@code auto} when {@code dvc --version} succeeds.
 */
final class DvcCommands {
    private final Launcher launcher;
    private final FilePath workspace;
    private final PrintStream console;

    DvcCommands(Launcher launcher, FilePath workspace, PrintStream console) {
        this.launcher = launcher;
        this.workspace = workspace;
        this.console = console;
    }

    /**
     * DVC's output for the report, or empty for gpu-train's own engine.
     *
     * @throws AbortException when the engine is {@code dvc} and DVC is missing or fails
     */
    Optional<DvcOutput> run(ReportEngine engine, String baseline) throws IOException, InterruptedException {
        if (engine == ReportEngine.BUILTIN) {
            return Optional.empty();
        }
        Output version = launch(DvcOutput.VERSION);
        if (version.exitCode() != 0) {
            if (engine == ReportEngine.DVC) {
                throw new AbortException("[gpu-train] engine 'dvc': 'dvc --version' failed here (exit code "
                        + version.exitCode() + "); run publishDvcMetrics inside container('dvc') or use engine"
                        + " 'auto' or 'builtin'");
            }
            console.println("[gpu-train] dvc is not on the PATH here; using gpu-train's own engine");
            return Optional.empty();
        }
        console.println(
                "[gpu-train] computing the diffs with " + version.stdout().strip());
        Output metrics = launch(withBaseline(DvcOutput.METRICS_DIFF, baseline));
        Output params = launch(withBaseline(DvcOutput.PARAMS_DIFF, baseline));
        Output show = launch(DvcOutput.METRICS_SHOW);
        for (Output output : List.of(metrics, params, show)) {
            if (output.exitCode() != 0) {
                String failure = "'" + String.join(" ", output.command()) + "' failed (exit code " + output.exitCode()
                        + "): " + output.stderr().strip();
                if (engine == ReportEngine.DVC) {
                    throw new AbortException(PREFIX + failure);
                }
                console.println(PREFIX + failure + "; using gpu-train's own engine");
                return Optional.empty();
            }
        }
        return Optional.of(new DvcOutput(metrics.stdout(), params.stdout(), show.stdout()));
    }

    private static List<String> withBaseline(List<String> command, String baseline) {
        List<String> full = new ArrayList<>(command);
        full.add(baseline);
        return full;
    }

    private Output launch(List<String> command) throws IOException, InterruptedException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = launcher.launch()
                .cmds(command.toArray(String[]::new))
                .pwd(workspace)
                .stdout(stdout)
                .stderr(stderr)
                .quiet(true)
                .join();
        return new Output(
                command, exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** What one command printed. */
    private record Output(List<String> command, int exitCode, String stdout, String stderr) {}
}
