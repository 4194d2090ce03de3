package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.KubernetesTraining;
import io.jenkins.plugins.gputrain.core.engine.LocalExecutor;
import io.jenkins.plugins.gputrain.core.engine.LocalWorkspace;
import io.jenkins.plugins.gputrain.core.engine.WorkspaceArchive;
import io.jenkins.plugins.gputrain.core.engine.k8s.ApiRequestCounter;
import io.jenkins.plugins.gputrain.core.engine.k8s.ContainerExec;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailure;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.engine.k8s.WorkspaceTransfer;
import io.jenkins.plugins.gputrain.core.pod.PodDeadline;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.report.ExperimentReport;
import io.jenkins.plugins.gputrain.core.report.ReportContent;
import io.jenkins.plugins.gputrain.core.spec.ByteSize;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import io.jenkins.plugins.gputrain.core.spec.LabelSyntax;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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

    /** The pod's deadline before the margin when no --timeout is given. */
    static final Duration UNLIMITED_RUN = Duration.ofHours(24);

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

    @Mixin
    ClusterConnection connection;

    @Mixin
    PodOptions pod;

    @Option(
            names = "--pending-timeout",
            paramLabel = "D",
            description = "Fail when the pod waits longer (also ends the preflight's wait for nodes to recover).")
    String pendingTimeout;

    @Option(
            names = "--preflight",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Check before creating the pod that some node matches the node selector and affinity,"
                    + " tolerates its taints and has the CPUs, memory and GPUs free (default: on; with no node of"
                    + " the selected kind at all, e.g. an autoscaled pool at zero, it warns and goes on).")
    boolean preflight;

    @Option(
            names = "--max-workspace-size",
            paramLabel = "SIZE",
            defaultValue = WorkspaceArchive.DEFAULT_MAX_SIZE,
            description = "Refuse to copy a larger workspace into the pod, or larger results back (held in memory;"
                    + " the DVC cache is left out; default: ${DEFAULT-VALUE}).")
    String maxWorkspaceSize;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            description = "Stop the command after this long, e.g. 2h (exit 124). The pod's activeDeadlineSeconds is"
                    + " this plus 30m (without --timeout: 24h plus 30m), so that a killed gpu-train cannot hold the"
                    + " node's GPU for ever.")
    String timeout;

    @Option(
            names = "--retries",
            paramLabel = "N",
            defaultValue = "1",
            description = "New pods for a pod that was evicted, preempted, rejected by its node's kubelet or lost its"
                    + " node (default: ${DEFAULT-VALUE}).")
    void setRetries(int value) {
        if (value < 0) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--retries '" + value + "': expected a number of new pods (0 or more)");
        }
        retries = value;
    }

    private int retries;

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

    @Parameters(
            arity = "1..*",
            paramLabel = "COMMAND",
            converter = CommandWord.class,
            description = "The training command, after --.")
    List<String> command = new ArrayList<>();

    /** A word of the training command, taken as typed: an empty argument is the command's business. */
    static final class CommandWord implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return value;
        }
    }

    /** Where commands run. */
    enum Executor {
        kubernetes,
        local
    }

    @Override
    public Integer call() throws CommandFailure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(out, err);
        Duration limit = timeout == null ? null : DurationSpec.parse("--timeout", timeout);
        TrainingPodSpec podSpec = pod.podSpec(
                null,
                PodDeadline.forCommand(limit == null ? UNLIMITED_RUN : limit),
                LabelSyntax.toValue(System.getProperty("user.name", "")).orElse(null));
        Duration pending = pendingTimeout == null ? null : DurationSpec.parse("--pending-timeout", pendingTimeout);
        long maxBytes = ByteSize.parse("--max-workspace-size", maxWorkspaceSize);
        FileProblem.requireDirectory("-C", repository.directory);
        Path target = repository.directory.resolve(reportDir);
        FileProblem.requireWritableDirectory("--report-dir", target);
        CommandResult result;
        try {
            result = executor == Executor.local
                    ? runLocally(limit, progress)
                    : runOnKubernetes(podSpec, limit, pending, maxBytes, progress);
        } catch (PodFailureException e) {
            throw new CommandFailure(
                    e.getMessage()
                            + (e.failure().kind() == PodFailure.Kind.DEADLINE_EXCEEDED ? deadlineNote(limit) : ""),
                    e);
        } catch (IOException e) {
            throw new CommandFailure("cannot run '" + String.join(" ", command) + "': " + FileProblem.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted; the command was stopped", e);
        }
        if (result.timedOut()) {
            progress.progress("the command ran longer than --timeout " + timeout + " and was stopped");
        } else {
            progress.progress("the command exited with code " + result.exitCode());
        }
        writeReport(target, progress);
        return result.timedOut() ? TIMED_OUT : result.exitCode();
    }

    /** What the pod's deadline was made of, for a pod that ran past it. */
    private static String deadlineNote(Duration limit) {
        return " (the pod's activeDeadlineSeconds is "
                + (limit == null
                        ? DurationSpec.format(UNLIMITED_RUN) + " without --timeout"
                        : "--timeout " + DurationSpec.format(limit))
                + " plus " + DurationSpec.format(PodDeadline.MARGIN)
                + " for the image pull and the copies; pass a longer --timeout)";
    }

    private CommandResult runLocally(Duration limit, ConsoleProgress progress)
            throws IOException, InterruptedException {
        progress.progress("running locally on this machine (no Kubernetes pod): " + String.join(" ", command));
        return new LocalExecutor().run(command, repository.directory, limit, progress);
    }

    private CommandResult runOnKubernetes(
            TrainingPodSpec podSpec, Duration limit, Duration pending, long maxBytes, ConsoleProgress progress)
            throws PodFailureException, InterruptedException, CommandFailure {
        ClusterConnection.Target cluster = connection.target();
        progress.progress("cluster " + cluster.config().getMasterUrl() + " (" + cluster.origin() + "), namespace "
                + (podSpec.namespace() == null ? cluster.config().getNamespace() : podSpec.namespace()));
        ApiRequestCounter requests = new ApiRequestCounter();
        SignalStop stop = new SignalStop(progress);
        try (KubernetesClient client = requests.install(new KubernetesClientBuilder().withConfig(cluster.config()))
                        .build();
                InterruptOnExit guard =
                        InterruptOnExit.guardCurrentThread(() -> progress.error(SignalStop.CLEANUP_TIMED_OUT))) {
            try {
                return new KubernetesTraining(
                                client,
                                Clock.systemUTC(),
                                pending,
                                preflight,
                                stop,
                                new ContainerExec(),
                                new WorkspaceTransfer(maxBytes))
                        .retrying(retries)
                        .run(podSpec, new LocalWorkspace(repository.directory), command, limit);
            } finally {
                // before the guard closes: once the JVM is exiting, nothing is printed after it
                progress.progress("the run sent " + requests.count().describe() + " to the cluster");
                if (guard.exiting()) {
                    progress.error(stop.line());
                }
            }
        } catch (KubernetesClientException e) {
            throw new CommandFailure(ClusterConnection.describe(e, cluster), e);
        }
    }

    /**
     * Writes the report bundle. The command's exit code stands whatever happens here: a report that cannot be
     * written is a warning, not a failed training.
     */
    private void writeReport(Path target, ConsoleProgress progress) {
        try (DvcRepository repo = DvcRepository.open(repository.directory, DataFileReader.DEFAULT_MAX_BYTES)) {
            ReportContent content = new ExperimentReport(repo).write(baseline, target);
            content.warnings().forEach(progress::progress);
            content.optionalNoBaseline().ifPresent(reason -> progress.progress("no baseline (" + reason + ")"));
            progress.progress("report: " + target.resolve("report.md"));
        } catch (IOException e) {
            progress.progress("WARNING: the report could not be written to " + target + ": " + FileProblem.reason(e)
                    + " (the command's exit code stands)");
        }
    }
}
