package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.plots.PlotsDiff;
import io.jenkins.plugins.gputrain.core.dvc.plots.RenderedPlot;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpu-train plots diff}: DVC's plots, drawn to PNG/SVG without DVC or a browser. */
@Command(
        name = "plots",
        description = "Draw DVC plots, as 'dvc plots' does, to PNG and SVG.",
        subcommands = PlotsCommand.Diff.class,
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class)
final class PlotsCommand extends CommandGroup {
    /** {@code gpu-train plots diff [REVS…] [-o DIR]}. */
    @Command(
            name = "diff",
            mixinStandardHelpOptions = true,
            versionProvider = GpuTrainCommand.Version.class,
            description = "Plot revisions against each other (none: workspace; one: it and workspace).")
    static final class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RepositoryOption repository;

        @Parameters(arity = "0..*", paramLabel = "REVS", description = "Revisions to plot.")
        List<String> revisions = new ArrayList<>();

        @Option(
                names = {"-o", "--out"},
                paramLabel = "DIR",
                defaultValue = "dvc_plots",
                description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws CommandFailure {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> compared = new ArrayList<>(revisions);
            if (compared.size() < 2) {
                compared.add(DvcRepository.WORKSPACE);
            }
            try (DvcRepository repo = repository.open()) {
                Path target = repository.directory.resolve(out);
                FileProblem.requireWritableDirectory("--out", target);
                PlotsDiff.Result result = new PlotsDiff(repo).write(compared, target);
                ProjectWarnings.emptyDvcYaml(repo).ifPresent(err::println);
                result.warning().ifPresent(err::println);
                result.notDrawn().forEach(line -> err.println("WARNING: " + line));
                result.refused().forEach(line -> err.println("ERROR: " + line));
                if (result.plots().isEmpty()) {
                    err.println("No plots were loaded, visualization file will not be created.");
                }
                for (RenderedPlot plot : result.plots()) {
                    for (RenderedPlot.Image image : plot.images()) {
                        stdout.println(target.resolve(image.path()));
                    }
                }
                stdout.flush();
                return 0;
            } catch (UnknownRevisionException e) {
                throw new CommandFailure(e.getMessage(), e);
            } catch (IOException e) {
                throw new CommandFailure("cannot write the plots to " + out + ": " + FileProblem.reason(e), e);
            }
        }
    }
}
