package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.report.ExperimentReport;
import io.jenkins.plugins.gputrain.core.report.ReportContent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpu-train report}: the report bundle of the workspace against a baseline. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Write report.md, report.html, metrics-diff.json, params-diff.json, metrics.json and plots/"
                + " comparing the workspace with a baseline revision.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOption repository;

    @Option(
            names = "--baseline",
            paramLabel = "REV",
            defaultValue = "main",
            description = "Revision to compare with (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "gpu-train",
            description = "Directory to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws CommandFailure {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (DvcRepository repo = repository.open()) {
            Path target = repository.directory.resolve(out);
            FileProblem.requireWritableDirectory("--out", target);
            ReportContent content = new ExperimentReport(repo).write(baseline, target);
            ProjectWarnings.emptyDvcYaml(repo).ifPresent(err::println);
            content.warnings().forEach(err::println);
            content.optionalNoBaseline()
                    .ifPresent(reason ->
                            err.println("No baseline (" + reason + "): the report shows the current metrics only."));
            stdout.println("Report written to " + target.resolve("report.md") + " (and report.html, *.json, plots/)");
            stdout.flush();
            return 0;
        } catch (IOException e) {
            throw new CommandFailure("cannot write the report to " + out + ": " + FileProblem.reason(e), e);
        }
    }
}
