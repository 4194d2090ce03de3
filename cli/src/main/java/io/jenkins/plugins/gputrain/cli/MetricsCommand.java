package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.DiffOutcome;
import io.jenkins.plugins.gputrain.core.dvc.DvcDiff;
import io.jenkins.plugins.gputrain.core.dvc.LoadWarning;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.render.MetricsShow;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gpu-train metrics diff|show}: DVC's commands, without DVC. The subcommands are added by
 * {@link GpuTrainCommand}, which builds only the one a command line names.
 */
@Command(
        name = "metrics",
        description = "Show or diff DVC metrics, as 'dvc metrics' does.",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class)
final class MetricsCommand extends CommandGroup {
    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(Diff.class, Show.class);

    /** {@code gpu-train metrics diff [A_REV] [B_REV]}. */
    @Command(
            name = "diff",
            mixinStandardHelpOptions = true,
            versionProvider = GpuTrainCommand.Version.class,
            description = "Show changes in metrics between revisions (default HEAD and workspace).")
    static final class Diff extends DiffCommand {
        @Mixin
        PrecisionOption precision;

        @Override
        DiffKind kind() {
            return DiffKind.METRICS;
        }

        @Override
        Integer precision() {
            return precision.places();
        }

        @Override
        DiffOutcome diff(DvcDiff diff) throws UnknownRevisionException, IOException {
            return diff.metrics(oldRevision, newRevision, targets, all);
        }
    }

    /** {@code gpu-train metrics show [TARGETS…]}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            versionProvider = GpuTrainCommand.Version.class,
            description = "Print the workspace's metrics.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RepositoryOption repository;

        @Parameters(arity = "0..*", paramLabel = "TARGETS", description = "Only these files.")
        List<String> targets = new ArrayList<>();

        @Mixin
        PrecisionOption precision;

        @ArgGroup(exclusive = true)
        DiffCommand.OutputFormat format = new DiffCommand.OutputFormat();

        @Override
        public Integer call() throws CommandFailure {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (DvcRepository repo = repository.open()) {
                RevisionData workspace = repo.metrics(DvcRepository.WORKSPACE, targets);
                ProjectWarnings.emptyDvcYaml(repo).ifPresent(err::println);
                // DVC's brancher yields '' for the working tree when no revision is asked for (brancher.py:58)
                RevisionData shownAs =
                        new RevisionData(MetricsShow.JSON_WORKSPACE, workspace.files(), workspace.error());
                ProjectWarnings.failedRevisions("metrics", List.of(shownAs)).forEach(err::println);
                if (workspace.hasErrors()) {
                    err.println(LoadWarning.of("metrics", List.of(MetricsShow.JSON_WORKSPACE)));
                }
                if (format.json) {
                    out.println(MetricsShow.json(List.of(workspace)));
                } else {
                    TableFormat layout = format.markdown ? TableFormat.MARKDOWN : TableFormat.PLAIN;
                    out.print(layout.render(MetricsShow.table(List.of(workspace), false, precision.places(), layout)));
                }
                out.flush();
                return 0;
            } catch (UnknownRevisionException | IOException e) {
                throw new CommandFailure(
                        "cannot read the metrics at " + repository.directory + ": "
                                + (e instanceof IOException io ? FileProblem.reason(io) : e.getMessage()),
                        e);
            }
        }
    }
}
