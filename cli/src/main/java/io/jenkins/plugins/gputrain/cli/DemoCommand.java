package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.DiffOutcome;
import io.jenkins.plugins.gputrain.core.dvc.DvcDiff;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffTable;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.DemoProject;
import io.jenkins.plugins.gputrain.core.engine.LocalExecutor;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.report.ExperimentReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gpu-train demo}: a small DVC project with a committed {@code main} baseline and an experiment, trained
 * locally with Python's standard library only, and its report.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Create a small example DVC project (baseline on main, an experiment in the workspace), train it"
                + " locally and write its report. Needs python3. With DVC (GPU_TRAIN_DVC or dvc on the PATH) the"
                + " project has a local DVC remote and the experiment runs 'dvc repro --pull'; without, python3"
                + " trains it directly.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Empty or new directory for the project (default: a new temporary directory).")
    Path directory;

    @Option(
            names = "--without-dvc",
            description = "Train with python3 directly even when DVC is available (no dvc.lock, no DVC remote).")
    boolean withoutDvc;

    @Override
    public Integer call() throws CommandFailure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleProgress progress = new ConsoleProgress(out, err);
        LocalExecutor executor = new LocalExecutor();
        Path project = prepare();
        boolean done = false;
        try {
            progress.progress("demo project: " + project);
            if (!onThePath("python3")) { // train.py needs it, with DVC (dvc repro runs it) or without
                throw new IOException("python3");
            }
            Optional<List<String>> dvc = withoutDvc ? Optional.empty() : DvcExecutable.find();
            CommandResult result;
            if (dvc.isPresent()) {
                progress.progress("running the baseline on main (lr 0.05, 20 epochs) with DVC ("
                        + String.join(" ", dvc.get()) + "), pushing its data and model to the local remote "
                        + DemoProject.REMOTE + "/");
                DemoProject.createWithDvc(
                        project, dvc.get(), (command, dir) -> executor.run(command, dir, null, progress));
                progress.progress("running the experiment (lr 0.2, 40 epochs) locally on this machine: "
                        + String.join(" ", DemoProject.reproduce(List.of("dvc"))));
                result = executor.run(DemoProject.reproduce(dvc.get()), project, null, progress);
            } else {
                progress.progress((withoutDvc ? "--without-dvc" : DvcExecutable.MISSING)
                        + ": training with python3 train.py instead of 'dvc repro --pull'");
                progress.progress("running the baseline on main (lr 0.05, 20 epochs) locally");
                DemoProject.create(
                        project, (command, dir) -> executor.run(command, dir, null, ProgressListener.quiet()));
                progress.progress("running the experiment (lr 0.2, 40 epochs) locally on this machine:"
                        + " python3 train.py (no Kubernetes pod)");
                result = executor.run(DemoProject.TRAIN, project, null, progress);
            }
            if (!result.succeeded()) {
                throw new CommandFailure("the demo training failed with exit code " + result.exitCode());
            }
            Path report = project.resolve("gpu-train");
            try (DvcRepository repo = DvcRepository.open(project, DataFileReader.DEFAULT_MAX_BYTES)) {
                new ExperimentReport(repo).write("main", report);
                DiffOutcome metrics = new DvcDiff(repo).metrics("main", DvcRepository.WORKSPACE, List.of(), false);
                out.print(TableFormat.PLAIN.render(DiffTable.of(
                        metrics.files(), DiffKind.METRICS, "main", "workspace", true, null, TableFormat.PLAIN)));
            }
            out.println("This demo ran locally on this machine (--executor local); no cluster was used.");
            out.println("Report: " + report.resolve("report.md") + " (also report.html, *.json, plots/)");
            out.flush();
            done = true;
            return 0;
        } catch (IOException | UnknownRevisionException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (message.contains("python3")) {
                message = "python3 is not on PATH: the demo's training script needs Python 3 (standard library only)";
            }
            throw new CommandFailure(message + " (the half-made demo project was removed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted (the half-made demo project was removed)", e);
        } finally {
            if (!done) {
                removeContents(project);
            }
        }
    }

    /** The project directory: new, or an existing empty one. */
    private Path prepare() throws CommandFailure {
        try {
            if (directory == null) {
                return Files.createTempDirectory("gpu-train-demo");
            }
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new CommandFailure("--dir '" + directory + "': is a file (expected an empty or new directory)");
            }
            Files.createDirectories(directory);
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new CommandFailure(
                            "--dir '" + directory + "': not empty (expected an empty or new directory)");
                }
            }
            return directory.toRealPath();
        } catch (IOException e) {
            throw new CommandFailure("--dir '" + directory + "': " + FileProblem.reason(e), e);
        }
    }

    /** Deletes what the demo wrote into its directory, so that the same {@code --dir} can be used again. */
    private static void removeContents(Path project) {
        try (Stream<Path> tree = Files.walk(project)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(project)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: the error line already says what failed
        }
    }

    private static boolean onThePath(String executable) {
        String path = System.getenv("PATH");
        return path != null
                && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                        .anyMatch(directory -> java.nio.file.Files.isExecutable(Path.of(directory, executable)));
    }
}
