package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.DiffOutcome;
import io.jenkins.plugins.gputrain.core.dvc.DvcDiff;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gpu-train params diff}: DVC's command, without DVC. */
@Command(
        name = "params",
        description = "Diff DVC params, as 'dvc params' does.",
        subcommands = ParamsCommand.Diff.class,
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class)
final class ParamsCommand extends CommandGroup {
    /** {@code gpu-train params diff [A_REV] [B_REV]}. */
    @Command(
            name = "diff",
            mixinStandardHelpOptions = true,
            versionProvider = GpuTrainCommand.Version.class,
            description = "Show changes in params between revisions (default HEAD and workspace).")
    static final class Diff extends DiffCommand {
        @Option(names = "--deps", description = "Only params that stages depend on.")
        boolean deps;

        @Override
        DiffKind kind() {
            return DiffKind.PARAMS;
        }

        @Override
        DiffOutcome diff(DvcDiff diff) throws UnknownRevisionException, IOException {
            return diff.params(oldRevision, newRevision, targets, all, deps);
        }
    }
}
