package io.jenkins.plugins.gputrain.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * {@code metrics diff main --md} of the same metrics in JSON, YAML and TOML, each command as its own process, in one
 * run: three generated repositories with one metrics file of {@code KEYS} numbers in 100 groups (the same keys and
 * values in each format; main committed, the workspace 0.5 higher), run interleaved round after round (the first
 * round is a warm-up), so a change of the machine's load hits all three. Prints per format the median wall time and
 * CPU time (user + system, from {@code /usr/bin/time}), the medians of the rounds' ratios YAML/JSON and TOML/JSON,
 * the machine's load, and whether the three outputs agree (the same table but for the file's name). {@code GPU_TRAIN}
 * is the launcher or a jar ({@code java -jar}); two of them, {@code A,B}, are run interleaved (each round A on every
 * format, then B), with a table each.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.jenkins.plugins.gputrain.bench.MetricsFormatsSideBySide \
 *     cli/target/gpu-train[,OTHER/gpu-train] [RUNS] [KEYS]
 * </pre>
 */
public final class MetricsFormatsSideBySide {
    private static final List<String> COMMAND = List.of("metrics", "diff", "main", "--md");

    /** A format's file extension and how its metrics file is written. */
    private record Format(String extension, BiFunction<Integer, Double, String> content) {}

    private static final List<Format> FORMATS = List.of(
            new Format("json", BenchRepositories::metrics),
            new Format("yaml", BenchRepositories::metricsYaml),
            new Format("toml", BenchRepositories::metricsToml));

    private MetricsFormatsSideBySide() {}

    /**
     * Runs the comparison; arguments: the launcher or a jar, or two of them as {@code A,B} (each round then runs
     * every format with A, then with B, and a table is printed per launcher), rounds (default 15), keys (default
     * 100,000).
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: MetricsFormatsSideBySide GPU_TRAIN[,GPU_TRAIN] [RUNS] [KEYS]");
            System.exit(2);
        }
        Map<String, List<String>> launchers = new LinkedHashMap<>();
        for (String launcher : args[0].split(",", -1)) {
            String gpuTrain = Path.of(launcher).toAbsolutePath().toString();
            List<String> argv =
                    new ArrayList<>(gpuTrain.endsWith(".jar") ? List.of("java", "-jar", gpuTrain) : List.of(gpuTrain));
            argv.addAll(COMMAND);
            launchers.put(gpuTrain, argv);
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int keys = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        run(launchers, runs, keys);
    }

    private static void run(Map<String, List<String>> launchers, int runs, int keys) throws Exception {
        Path root = Files.createTempDirectory("gpu-train-metrics-formats");
        Map<String, Path> repositories = new LinkedHashMap<>();
        for (Format format : FORMATS) {
            repositories.put(format.extension(), repository(root.resolve(format.extension()), format, keys));
        }
        String loadBefore = Rounds.load();
        Map<String, Map<String, double[]>> wall = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> cpu = new LinkedHashMap<>();
        Map<String, Boolean> agree = new LinkedHashMap<>();
        Path cpuFile = root.resolve("cpu.txt");
        for (int round = -1; round < runs; round++) {
            for (Map.Entry<String, List<String>> launcher : launchers.entrySet()) {
                List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", cpuFile.toString()));
                timed.addAll(launcher.getValue());
                for (Map.Entry<String, Path> repository : repositories.entrySet()) {
                    Path output = root.resolve(repository.getKey() + ".out");
                    double time = TimedProcess.seconds(repository.getValue(), timed, output);
                    if (round >= 0) {
                        wall.computeIfAbsent(launcher.getKey(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(repository.getKey(), k -> new double[runs])[round] = time;
                        cpu.computeIfAbsent(launcher.getKey(), k -> new LinkedHashMap<>())
                                        .computeIfAbsent(repository.getKey(), k -> new double[runs])[round] =
                                userPlusSystem(cpuFile);
                    }
                }
                agree.put(launcher.getKey(), agree(root));
            }
        }
        String loadAfter = Rounds.load();
        for (String launcher : launchers.keySet()) {
            if (launchers.size() > 1) {
                System.out.println("`" + launcher + "`:");
                System.out.println();
            }
            table(wall.get(launcher), cpu.get(launcher));
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "`%s`, %,d keys per file; medians of %d interleaved rounds after one warm-up round (CPU: user + system of /usr/bin/time); load average %s"
                            + " before, %s after; %d cores; outputs %s; repositories in %s%n",
                    String.join(" ", COMMAND),
                    keys,
                    runs,
                    loadBefore,
                    loadAfter,
                    Runtime.getRuntime().availableProcessors(),
                    agree.get(launcher) ? "agree" : "DIFFER",
                    root);
            System.out.println();
        }
    }

    private static void table(Map<String, double[]> wall, Map<String, double[]> cpu) {
        System.out.println(
                "| format | wall median (s) | wall min–max (s) | wall / JSON | CPU median (s) | CPU / JSON |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        wall.forEach((format, times) -> System.out.printf(
                Locale.ROOT,
                "| %s | %.3f | %.3f–%.3f | %.2f× | %.3f | %.2f× |%n",
                format.toUpperCase(Locale.ROOT),
                Rounds.median(times),
                Arrays.stream(times).min().orElseThrow(),
                Arrays.stream(times).max().orElseThrow(),
                Rounds.median(Rounds.ratios(times, wall.get("json"))),
                Rounds.median(cpu.get(format)),
                Rounds.median(Rounds.ratios(cpu.get(format), cpu.get("json")))));
    }

    /** The user and system seconds {@code /usr/bin/time -f "%U %S"} wrote. */
    private static double userPlusSystem(Path file) throws IOException {
        String[] fields =
                Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
        return Double.parseDouble(fields[fields.length - 2]) + Double.parseDouble(fields[fields.length - 1]);
    }

    /** A repository with one metrics file: main's values committed, the workspace's 0.5 higher. */
    private static Path repository(Path target, Format format, int keys) throws IOException, GitAPIException {
        String file = "metrics." + format.extension();
        Files.createDirectories(target.resolve(".dvc"));
        Files.writeString(target.resolve(".dvc/config"), "");
        Files.writeString(target.resolve("dvc.yaml"), "metrics:\n  - " + file + "\n");
        Files.writeString(target.resolve(file), format.content().apply(keys, 0.0));
        BenchRepositories.commit(target);
        Files.writeString(target.resolve(file), format.content().apply(keys, 0.5));
        return target;
    }

    /** Whether the last outputs are the same table once each file's name is spelled alike. */
    private static boolean agree(Path root) throws IOException {
        List<String> outputs = new ArrayList<>();
        for (Format format : FORMATS) {
            String output = Files.readString(root.resolve(format.extension() + ".out"), StandardCharsets.UTF_8);
            outputs.add(output.replace("metrics." + format.extension(), "metrics.FORMAT"));
        }
        return outputs.stream().distinct().count() == 1;
    }
}
