package io.jenkins.plugins.gputrain.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Plots of a million rows drawn by two gpu-train jars side by side in one run (a build of main and this build), each
 * command as its own process with the same heap ({@code -Xmx256m} by default): {@code plots diff} of the workspace
 * (one 1M-row series) and {@code plots diff main} (two), for a CSV plot and a JSON plot (a list of objects). Runs
 * alternate between the jars. Prints per command and jar the median wall time, CPU time (user + system), peak
 * resident set (VmHWM from {@code /proc/PID/status}, polled every 5 ms), the largest file written, and how the runs
 * ended, as a Markdown table.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.jenkins.plugins.gputrain.bench.PlotsInBoundedMemory \
 *     OLD_JAR NEW_JAR [RUNS] [HEAP] [ROWS]
 * </pre>
 */
public final class PlotsInBoundedMemory {
    private final List<Path> jars;
    private final int runs;
    private final String heap;

    private PlotsInBoundedMemory(List<Path> jars, int runs, String heap) {
        this.jars = jars;
        this.runs = runs;
        this.heap = heap;
    }

    /** Runs the comparison; arguments: two gpu-train jars, runs per command (3), the heap (256m), rows (1,000,000). */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PlotsInBoundedMemory OLD_JAR NEW_JAR [RUNS] [HEAP] [ROWS]");
            System.exit(2);
        }
        int rows = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
        new PlotsInBoundedMemory(
                        List.of(
                                Path.of(args[0]).toAbsolutePath(),
                                Path.of(args[1]).toAbsolutePath()),
                        args.length > 2 ? Integer.parseInt(args[2]) : 3,
                        args.length > 3 ? args[3] : "256m")
                .run(rows);
    }

    private void run(int rows) throws Exception {
        Path root = Files.createTempDirectory("gpu-train-plots-memory");
        System.out.println(
                "| plot | command | jar | wall (s) | CPU (s) | peak RSS (MiB) | largest file (KiB) | ended |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String format : List.of("csv", "json")) {
            Path repository = repository(root.resolve(format), format, rows);
            for (List<String> command : List.of(List.of("plots", "diff"), List.of("plots", "diff", "main"))) {
                compare(repository, format, command);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nmedian of %d runs per jar (alternating), -Xmx%s, %,d rows per revision; repositories in %s%n",
                runs,
                heap,
                rows,
                root);
    }

    private void compare(Path repository, String format, List<String> arguments)
            throws IOException, InterruptedException {
        List<List<Run>> results = new ArrayList<>();
        jars.forEach(jar -> results.add(new ArrayList<>()));
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < jars.size(); j++) {
                results.get(j).add(run(repository, jars.get(j), arguments));
            }
        }
        for (int j = 0; j < jars.size(); j++) {
            List<Run> measured = results.get(j);
            System.out.printf(
                    Locale.ROOT,
                    "| 1M-row %s | `%s` | %s | %.2f | %.2f | %d | %d | %s |%n",
                    format.toUpperCase(Locale.ROOT),
                    String.join(" ", arguments),
                    jars.get(j).getFileName(),
                    median(measured.stream().mapToDouble(Run::wallSeconds).toArray()),
                    median(measured.stream().mapToDouble(Run::cpuSeconds).toArray()),
                    (long) median(measured.stream().mapToDouble(Run::peakMib).toArray()),
                    (long) median(measured.stream().mapToDouble(Run::largestKib).toArray()),
                    measured.get(measured.size() - 1).ended());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One process: its times, its peak resident set, the largest file it wrote and its last stderr line. */
    private record Run(double wallSeconds, double cpuSeconds, double peakMib, double largestKib, String ended) {}

    private Run run(Path repository, Path jar, List<String> arguments) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory(repository.getParent(), "out");
        Path log = Files.createTempFile(repository.getParent(), "stderr", ".txt");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "-jar", jar.toString()));
        command.addAll(arguments);
        command.addAll(List.of("-o", out.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(repository.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile())
                .start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peakKib = 0;
        Duration cpu = Duration.ZERO;
        while (!process.waitFor(5, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peakKib = Math.max(peakKib, highWaterMark(status));
            cpu = process.info().totalCpuDuration().orElse(cpu);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<String> errors = Files.readAllLines(log);
        String ended = "exit " + process.exitValue()
                + (errors.isEmpty() ? "" : ": " + errors.get(errors.size() - 1).replace('|', '/'));
        long largest;
        try (var files = Files.walk(out)) {
            largest = files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .max()
                    .orElse(0);
        }
        return new Run(wall, cpu.toMillis() / 1000.0, peakKib / 1024.0, largest / 1024.0, ended);
    }

    /** VmHWM of a running process in KiB, 0 once it is gone. */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between the poll and the read
        }
        return 0;
    }

    /** A repository with one plot of {@code rows} rows: main committed, the workspace changed. */
    private static Path repository(Path target, String format, int rows) throws IOException, GitAPIException {
        Files.createDirectories(target.resolve(".dvc"));
        Files.writeString(target.resolve(".dvc/config"), "");
        String file = "loss." + format;
        Files.writeString(target.resolve("dvc.yaml"), "plots:\n  - " + file + ":\n      x: step\n      y: loss\n");
        write(target.resolve(file), format, rows, new Random(1));
        BenchRepositories.commit(target);
        write(target.resolve(file), format, rows, new Random(2));
        return target;
    }

    /** A falling loss with noise, as training writes it. */
    private static void write(Path file, String format, int rows, Random random) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(format.equals("csv") ? "step,loss\n" : "[");
            for (int step = 0; step < rows; step++) {
                double loss = 1 / (1 + step / 1000.0) + random.nextDouble() * 0.05;
                if (format.equals("csv")) {
                    out.write(step + "," + loss + "\n");
                } else {
                    out.write((step == 0 ? "" : ", ") + "{\"step\": " + step + ", \"loss\": " + loss + "}");
                }
            }
            out.write(format.equals("csv") ? "" : "]\n");
        }
    }
}
