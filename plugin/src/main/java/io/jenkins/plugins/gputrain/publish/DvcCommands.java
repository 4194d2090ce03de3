package io.jenkins.plugins.gputrain.publish;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import hudson.AbortException;
import io.jenkins.plugins.gputrain.core.report.DvcOutput;
import io.jenkins.plugins.gputrain.core.report.ReportEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs DVC's own diffs in the workspace (inside {@code container('dvc')} that is the DVC container) when the engine
 * asks for it: {@code dvc} always, {@code auto} when {@code dvc --version} succeeds. A {@code dvc} that cannot be
 * started (not on the PATH) is the same as one that fails: {@code auto} falls back to gpu-train's own engine.
 */
final class DvcCommands {
    private final WorkspaceCommands commands;
    private final PrintStream console;

    DvcCommands(WorkspaceCommands commands, PrintStream console) {
        this.commands = commands;
        this.console = console;
    }

    /**
     * DVC's output for the report, or empty for gpu-train's own engine.
     *
     * @throws AbortException when the engine is {@code dvc} and DVC is missing or fails
     */
    Optional<DvcOutput> run(ReportEngine engine, String baseline) throws AbortException, InterruptedException {
        if (engine == ReportEngine.BUILTIN) {
            return Optional.empty();
        }
        CommandOutput version = CommandOutput.of(commands, DvcOutput.VERSION);
        if (!version.succeeded()) {
            if (engine == ReportEngine.DVC) {
                throw new AbortException(PREFIX + "engine 'dvc': " + version.failure()
                        + "; run publishDvcMetrics where dvc is on the PATH (inside container('dvc')) or use engine"
                        + " 'auto' or 'builtin'");
            }
            console.println(
                    PREFIX + "dvc is not available here (" + version.failure() + "); using gpu-train's own engine");
            return Optional.empty();
        }
        console.println(PREFIX + "computing the diffs with " + version.stdout().strip());
        List<CommandOutput> outputs = new ArrayList<>();
        for (List<String> command : List.of(
                withBaseline(DvcOutput.METRICS_DIFF, baseline),
                withBaseline(DvcOutput.PARAMS_DIFF, baseline),
                DvcOutput.METRICS_SHOW)) {
            CommandOutput output = CommandOutput.of(commands, command);
            if (!output.succeeded()) {
                if (engine == ReportEngine.DVC) {
                    throw new AbortException(PREFIX + output.failure());
                }
                console.println(PREFIX + output.failure() + "; using gpu-train's own engine");
                return Optional.empty();
            }
            outputs.add(output);
        }
        DvcOutput output = new DvcOutput(
                outputs.get(0).jsonLine(),
                outputs.get(1).jsonLine(),
                outputs.get(2).jsonLine());
        try {
            output.requireJson();
        } catch (IOException e) {
            if (engine == ReportEngine.DVC) {
                throw new AbortException(PREFIX + e.getMessage());
            }
            console.println(PREFIX + e.getMessage() + "; using gpu-train's own engine");
            return Optional.empty();
        }
        return Optional.of(output);
    }

    private static List<String> withBaseline(List<String> command, String baseline) {
        List<String> full = new ArrayList<>(command);
        full.add(baseline);
        return full;
    }
}
