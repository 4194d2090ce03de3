package io.jenkins.plugins.gputrain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one CLI command costs as its own process, in one run: today's jar ({@code java -jar OLD_JAR}), the launcher
 * ({@code cli/target/gpu-train}), the floor (one {@code git show main:F…} and one {@code cat F…} of the files the
 * command reads; {@code java -version} for {@code --version}) and, when {@code GPU_TRAIN_DVC} names the dvc
 * executable, DVC itself, on the guide project. The variants run interleaved, round after round (the first round is
 * a warm-up), so a change of the machine's load hits them all; each ratio is the median of the rounds' ratios of
 * the pair. Prints the machine's load and a Markdown table.
 *
 * <pre>
 * GPU_TRAIN_DVC=$(.ci/dvc-env) java -cp bench/target/benchmarks.jar \
 *     io.jenkins.plugins.gputrain.bench.StartupSideBySide OLD_JAR cli/target/gpu-train [RUNS]
 * </pre>
 */
public final class StartupSideBySide {
    private static final String PIPELINE = "dvc.yaml dvc.lock";
    private static final String PARAMS_FILES = PIPELINE + " params.yaml";
    /** The workspace's metrics and main's (an output of the pipeline: in the DVC cache, not in Git). */
    private static final String METRICS_FILES = PIPELINE + " evaluation/metrics.json .dvc/cache/files/md5/*/*";

    /** One command as each variant spells it; the floor is a shell command line. */
    private record Command(String name, List<String> gpuTrain, Optional<List<String>> dvc, String floor) {}

    /** Who runs a command: a name for the table and the process to start, if this variant has one. */
    private record Variant(String name, Function<Command, Optional<List<String>>> argv) {}

    private final List<Variant> variants;
    private final int runs;

    private StartupSideBySide(List<Variant> variants, int runs) {
        this.variants = variants;
        this.runs = runs;
    }

    /** Runs the comparison; arguments: today's jar, the new launcher, rounds (default 15). */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StartupSideBySide OLD_JAR LAUNCHER [RUNS] (GPU_TRAIN_DVC=dvc adds DVC)");
            System.exit(2);
        }
        String oldJar = Path.of(args[0]).toAbsolutePath().toString();
        String launcher = Path.of(args[1]).toAbsolutePath().toString();
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("old jar", c -> Optional.of(concat(List.of("java", "-jar", oldJar), c.gpuTrain()))));
        variants.add(new Variant("launcher", c -> Optional.of(concat(List.of(launcher), c.gpuTrain()))));
        variants.add(new Variant("floor", c -> Optional.of(List.of("sh", "-c", c.floor()))));
        String dvc = System.getenv("GPU_TRAIN_DVC");
        if (dvc != null && !dvc.isBlank()) {
            variants.add(new Variant("dvc", c -> c.dvc().map(argv -> concat(List.of(dvc), argv))));
        }
        new StartupSideBySide(variants, args.length > 2 ? Integer.parseInt(args[2]) : 15)
                .run(Path.of(System.getProperty("fixture", "core/src/test/resources/mlops-guide-fixture")));
    }

    private static List<String> concat(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

    private static List<Command> commands() {
        return List.of(
                new Command(
                        "metrics diff main --md",
                        List.of("metrics", "diff", "main", "--md"),
                        Optional.of(List.of("metrics", "diff", "main", "--md")),
                        floor(PIPELINE, METRICS_FILES)),
                new Command(
                        "params diff main --md",
                        List.of("params", "diff", "main", "--md"),
                        Optional.of(List.of("params", "diff", "main", "--md")),
                        floor(PARAMS_FILES, PARAMS_FILES)),
                new Command(
                        "--version",
                        List.of("--version"),
                        Optional.of(List.of("--version")),
                        "java -version 2>/dev/null"),
                new Command(
                        "report --baseline main",
                        List.of("report", "--baseline", "main", "--out", "gpu-train-report"),
                        Optional.of(List.of("plots", "diff", "main", "-o", "dvc_plots")),
                        floor(PARAMS_FILES, METRICS_FILES + " params.yaml")));
    }

    /** One {@code git show} of the files at main and one {@code cat} of the workspace's. */
    private static String floor(String atMain, String inWorkspace) {
        return "git show "
                + String.join(
                        " ",
                        Arrays.stream(atMain.split(" ")).map(f -> "main:" + f).toList()) + " >/dev/null && cat "
                + inWorkspace + " >/dev/null";
    }

    private void run(Path fixtures) throws Exception {
        Path root = Files.createTempDirectory("gpu-train-startup");
        Path guide = BenchRepositories.guide(fixtures.resolve("celestial-bodies"), root.resolve("guide"));
        String loadBefore = Rounds.load();
        // seconds.get(command).get(variant)[round]
        Map<String, Map<String, double[]>> seconds = new LinkedHashMap<>();
        for (int round = -1; round < runs; round++) {
            for (Command command : commands()) {
                for (Variant variant : variants) {
                    Optional<List<String>> argv = variant.argv().apply(command);
                    if (argv.isPresent()) {
                        double time = TimedProcess.seconds(guide, argv.get());
                        if (round >= 0) {
                            seconds.computeIfAbsent(command.name(), k -> new LinkedHashMap<>())
                                    .computeIfAbsent(variant.name(), k -> new double[runs])[round] = time;
                        }
                    }
                }
            }
        }
        print(seconds);
        System.out.println();
        System.out.println("medians of " + runs + " interleaved rounds after one warm-up round; load average "
                + loadBefore + " before, " + Rounds.load() + " after; "
                + Runtime.getRuntime().availableProcessors()
                + " cores; repository " + guide);
    }

    private void print(Map<String, Map<String, double[]>> seconds) {
        boolean dvc = variants.stream().anyMatch(v -> v.name().equals("dvc"));
        System.out.println("| command | old jar (s) | launcher (s) | floor (s) |" + (dvc ? " dvc (s) |" : "")
                + " old / launcher | launcher / floor |" + (dvc ? " dvc / launcher |" : ""));
        System.out.println("|---|---:|---:|---:|---:|---:|" + (dvc ? "---:|---:|" : ""));
        seconds.forEach((command, times) -> {
            StringBuilder row = new StringBuilder("| `" + command + "` |");
            for (Variant variant : variants) {
                row.append(String.format(Locale.ROOT, " %.3f |", Rounds.median(times.get(variant.name()))));
            }
            row.append(ratio(times, "old jar", "launcher"));
            row.append(ratio(times, "launcher", "floor"));
            if (dvc) {
                row.append(ratio(times, "dvc", "launcher"));
            }
            System.out.println(row);
        });
    }

    /** The median over the rounds of {@code numerator[round] / denominator[round]}. */
    private String ratio(Map<String, double[]> times, String numerator, String denominator) {
        return String.format(
                Locale.ROOT, " %.2f× |", Rounds.median(Rounds.ratios(times.get(numerator), times.get(denominator))));
    }
}
