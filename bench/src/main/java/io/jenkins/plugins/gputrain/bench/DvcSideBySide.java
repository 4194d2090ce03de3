package io.jenkins.plugins.gputrain.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * gpu-train next to the real DVC, in one run on the same repositories: {@code metrics diff main --md}, {@code params
 * diff main --md} and {@code report} against {@code dvc metrics diff main --md}, {@code dvc params diff main --md}
 * and {@code dvc plots diff main}, each as its own process (as a user or a Jenkins {@code sh} step runs them), on the
 * guide project and on generated repositories with 1k, 10k and 100k metrics (and as many params). Prints the median
 * wall time of each and the ratio DVC / gpu-train as a Markdown table.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.jenkins.plugins.gputrain.bench.DvcSideBySide \
 *     DVC_EXECUTABLE cli/target/gpu-train.jar [RUNS]
 * </pre>
 */
public final class DvcSideBySide {
    private static final List<Integer> SIZES = List.of(1_000, 10_000, 100_000);

    private final Path dvc;
    private final Path gpuTrainJar;
    private final int runs;

    private DvcSideBySide(Path dvc, Path gpuTrainJar, int runs) {
        this.dvc = dvc;
        this.gpuTrainJar = gpuTrainJar;
        this.runs = runs;
    }

    /** Runs the comparison; arguments: the dvc executable, the gpu-train jar, runs per command (default 3). */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DvcSideBySide DVC_EXECUTABLE GPU_TRAIN_JAR [RUNS]");
            System.exit(2);
        }
        new DvcSideBySide(
                        Path.of(args[0]).toAbsolutePath(),
                        Path.of(args[1]).toAbsolutePath(),
                        args.length > 2 ? Integer.parseInt(args[2]) : 3)
                .run(Path.of(System.getProperty("fixture", "core/src/test/resources/mlops-guide-fixture")));
    }

    private void run(Path fixtures) throws Exception {
        Path root = Files.createTempDirectory("gpu-train-side-by-side");
        List<Path> repositories = new ArrayList<>();
        repositories.add(
                BenchRepositories.guide(fixtures.resolve("celestial-bodies"), root.resolve("guide celestial-bodies")));
        for (int size : SIZES) {
            repositories.add(generated(size, root.resolve(String.format(Locale.ROOT, "%,d metrics", size))));
        }
        System.out.println("| repository | gpu-train | DVC 3.67.1 | gpu-train (s) | DVC (s) | DVC / gpu-train |");
        System.out.println("|---|---|---|---|---|---|");
        for (Path repository : repositories) {
            compare(repository, List.of("metrics", "diff", "main", "--md"), List.of("metrics", "diff", "main", "--md"));
            compare(repository, List.of("params", "diff", "main", "--md"), List.of("params", "diff", "main", "--md"));
            compare(
                    repository,
                    List.of("report", "--baseline", "main", "--out", "gpu-train-report"),
                    List.of("plots", "diff", "main", "-o", "dvc_plots"));
        }
        System.out.println();
        System.out.println(
                "median of " + runs + " runs (1 for 100,000 metrics) after one warm-up each; repositories in " + root);
    }

    private void compare(Path repository, List<String> gpuTrain, List<String> dvcArgs)
            throws IOException, InterruptedException {
        List<String> gpuTrainCommand = new ArrayList<>(List.of("java", "-jar", gpuTrainJar.toString()));
        gpuTrainCommand.addAll(gpuTrain);
        List<String> dvcCommand = new ArrayList<>(List.of(dvc.toString()));
        dvcCommand.addAll(dvcArgs);
        double ours = median(repository, gpuTrainCommand);
        double theirs = median(repository, dvcCommand);
        System.out.printf(
                Locale.ROOT,
                "| %s | `%s` | `dvc %s` | %.2f | %.2f | %.1f |%n",
                repository.getFileName(),
                String.join(" ", gpuTrain),
                String.join(" ", dvcArgs),
                ours,
                theirs,
                theirs / ours);
    }

    /** The median of the runs after one warm-up; one run on the largest repository, where DVC takes minutes. */
    private double median(Path repository, List<String> command) throws IOException, InterruptedException {
        TimedProcess.seconds(repository, command);
        int count = repository.getFileName().toString().startsWith("100,000") ? 1 : runs;
        double[] seconds = new double[count];
        for (int i = 0; i < count; i++) {
            seconds[i] = TimedProcess.seconds(repository, command);
        }
        Arrays.sort(seconds);
        return seconds[count / 2];
    }

    /** {@code size} metrics and {@code size} params in 100 groups, a 1,000-point plot; all changed in the workspace. */
    private static Path generated(int size, Path target) throws IOException, GitAPIException {
        Files.createDirectories(target.resolve(".dvc"));
        Files.writeString(target.resolve(".dvc/config"), "");
        Files.writeString(
                target.resolve("dvc.yaml"),
                "metrics:\n- eval/metrics.json\nplots:\n- eval/loss.csv:\n    x: step\n    y: loss\n");
        write(target, size, 0.0);
        BenchRepositories.commit(target);
        write(target, size, 0.5);
        return target;
    }

    private static void write(Path target, int size, double offset) throws IOException {
        StringBuilder params = new StringBuilder();
        for (int group = 0; group < 100; group++) {
            params.append("group").append(group).append(":\n");
            for (int i = group; i < size; i += 100) {
                params.append("  param")
                        .append(i)
                        .append(": ")
                        .append(i + offset)
                        .append('\n');
            }
        }
        StringBuilder loss = new StringBuilder("step,loss\n");
        for (int step = 0; step < 1_000; step++) {
            loss.append(step).append(',').append(1.0 / (step + 1) + offset).append('\n');
        }
        Files.createDirectories(target.resolve("eval"));
        Files.writeString(
                target.resolve("eval/metrics.json"), BenchRepositories.metrics(size, offset), StandardCharsets.UTF_8);
        Files.writeString(target.resolve("params.yaml"), params, StandardCharsets.UTF_8);
        Files.writeString(target.resolve("eval/loss.csv"), loss, StandardCharsets.UTF_8);
    }
}
