package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.LocalExecutor;
import io.jenkins.plugins.gputrain.core.report.ExperimentReport;
import io.jenkins.plugins.gputrain.core.report.ReportContent;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpu-train run -- COMMAND…}: run the training command, then write the report bundle. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Run the training command (e.g. dvc repro --pull), then write the report bundle comparing the"
                + " results with the baseline.")
final class RunCommand implements Callable<Integer> {
    /** Exit code when the command ran longer than {@code --timeout} (as timeout(1)). */
    static final int TIMED_OUT = 124;

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOption repository;

    @Option(
            names = "--executor",
            paramLabel = "kubernetes|local",
            defaultValue = "kubernetes",
            description = "Where the command runs: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Executor executor;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig for the cluster.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "C", description = "Kubeconfig context.")
    String context;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of the pod.")
    String namespace;

    @Option(names = "--node-selector", paramLabel = "K=V[,K=V…]", description = "Node labels; repeatable.")
    List<String> nodeSelectors = new ArrayList<>();

    @Option(
            names = "--cpu-memory",
            paramLabel = "SPEC",
            defaultValue = "m",
            description = "{cpu}-{memory}[+{model}*{count}] or s|m|l|xl… (default: ${DEFAULT-VALUE}).")
    String cpuMemory;

    @Option(names = "--image", paramLabel = "IMG", description = "Training image.")
    String image;

    @Option(names = "--pending-timeout", paramLabel = "D", description = "Fail when the pod waits longer.")
    String pendingTimeout;

    @Option(names = "--timeout", paramLabel = "D", description = "Stop the command after this long, e.g. 2h.")
    String timeout;

    @Option(
            names = "--baseline",
            paramLabel = "REV",
            defaultValue = "main",
            description = "Revision the report compares with (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(
            names = "--report-dir",
            paramLabel = "DIR",
            defaultValue = "gpu-train",
            description = "Where the report bundle goes (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The training command, after --.")
    List<String> command = new ArrayList<>();

    /** Where commands run. */
    enum Executor {
        kubernetes,
        local
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(out, err);
        Duration limit;
        try {
            MachineSize.parse(cpuMemory);
            NodeSelector.parse(nodeSelectors);
            limit = timeout == null ? null : DurationSpec.parse("--timeout", timeout);
            if (pendingTimeout != null) {
                DurationSpec.parse("--pending-timeout", pendingTimeout);
            }
        } catch (InvalidSpecException e) {
            String option = e.field().equals(MachineSize.FIELD)
                    ? "--cpu-memory"
                    : e.field().equals(NodeSelector.FIELD) ? "--node-selector" : e.field();
            err.println("error: " + e.withField(option).getMessage());
            return 2;
        }
        if (executor == Executor.kubernetes) {
            return DiffCommand.fail(
                    err,
                    "--executor kubernetes is not available in this build yet; use --executor"
                            + " local to run on this machine",
                    CommandFailure.FAILED);
        }
        try {
            progress.progress("running locally on this machine (no Kubernetes pod): " + String.join(" ", command));
            CommandResult result = new LocalExecutor().run(command, repository.directory, limit, progress);
            if (result.timedOut()) {
                progress.progress("the command ran longer than --timeout " + timeout + " and was stopped");
            } else {
                progress.progress("the command exited with code " + result.exitCode());
            }
            writeReport(progress);
            return result.timedOut() ? TIMED_OUT : result.exitCode();
        } catch (IOException e) {
            return DiffCommand.fail(
                    err, "cannot run '" + String.join(" ", command) + "': " + e.getMessage(), CommandFailure.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DiffCommand.fail(err, "interrupted; the command was stopped", CommandFailure.FAILED);
        }
    }

    private void writeReport(ConsoleProgress progress) throws IOException {
        Path target = repository.directory.resolve(reportDir);
        try (DvcRepository repo = DvcRepository.open(repository.directory, DataFileReader.DEFAULT_MAX_BYTES)) {
            ReportContent content = new ExperimentReport(repo).write(baseline, target);
            content.warnings().forEach(progress::progress);
            content.optionalNoBaseline().ifPresent(reason -> progress.progress("no baseline (" + reason + ")"));
        }
        progress.progress("report: " + target.resolve("report.md"));
    }
}
