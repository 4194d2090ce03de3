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
 * (one 1M-row series) and {@code plots diff main} (two), for a CSV plot, a JSON plot (a list of objects) and a TOML
 * plot (an array of tables, {@code [[rows]]}), or the formats named by {@code -Dformats=csv,json,toml}. With
 * {@code -Ddvc=DVC_EXECUTABLE}, DVC's {@code dvc plots diff [main] -o OUT} runs on the same repositories as a third
 * column. Runs alternate between the jars (and DVC). Prints per command and tool the median wall time, CPU time (user
 * + system), peak resident set (VmHWM from {@code /proc/PID/status}, polled every 5 ms), the largest file written,
 * and how the runs ended, as a Markdown table.
 *
 * <pre>
 * java [-Dformats=toml] [-Ddvc=DVC] -cp bench/target/benchmarks.jar io.jenkins.plugins.gputrain.bench.PlotsInBoundedMemory \
 *     OLD_JAR NEW_JAR [RUNS] [HEAP] [ROWS]
 * </pre>
 */
public final class PlotsInBoundedMemory {
    private final List<Tool> tools;
    private final int runs;

    /** A command compared: its name in the table and the command line a {@code plots diff …} follows. */
    private record Tool(String name, List<String> command) {}

    private PlotsInBoundedMemory(List<Tool> tools, int runs) {
        this.tools = tools;
        this.runs = runs;
    }

    /** Runs the comparison; arguments: two gpu-train jars, runs per command (3), the heap (256m), rows (1,000,000). */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PlotsInBoundedMemory OLD_JAR NEW_JAR [RUNS] [HEAP] [ROWS]");
            System.exit(2);
        }
        int rows = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
        String heap = args.length > 3 ? args[3] : "256m";
        List<Tool> tools = new ArrayList<>();
        for (String jar : List.of(args[0], args[1])) {
            Path path = Path.of(jar).toAbsolutePath();
            tools.add(new Tool(path.getFileName().toString(), List.of("java", "-Xmx" + heap, "-jar", path.toString())));
        }
        String dvc = System.getProperty("dvc");
        if (dvc != null) {
            tools.add(new Tool("DVC", List.of(Path.of(dvc).toAbsolutePath().toString())));
        }
        List<String> formats =
                List.of(System.getProperty("formats", "csv,json,toml").split(","));
        new PlotsInBoundedMemory(tools, args.length > 2 ? Integer.parseInt(args[2]) : 3).run(rows, heap, formats);
    }

    private void run(int rows, String heap, List<String> formats) throws Exception {
        Path root = Files.createTempDirectory("gpu-train-plots-memory");
        System.out.println(
                "| plot | command | tool | wall (s) | CPU (s) | peak RSS (MiB) | largest file (KiB) | ended |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String format : formats) {
            Path repository = repository(root.resolve(format), format, rows);
            for (List<String> command : List.of(List.of("plots", "diff"), List.of("plots", "diff", "main"))) {
                compare(repository, format, command);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nmedian of %d runs per tool (alternating), jars with -Xmx%s, %,d rows per revision; repositories in %s%n",
                runs,
                heap,
                rows,
                root);
    }

    private void compare(Path repository, String format, List<String> arguments)
            throws IOException, InterruptedException {
        List<List<Run>> results = new ArrayList<>();
        tools.forEach(tool -> results.add(new ArrayList<>()));
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < tools.size(); j++) {
                results.get(j).add(run(repository, tools.get(j), arguments));
            }
        }
        for (int j = 0; j < tools.size(); j++) {
            List<Run> measured = results.get(j);
            System.out.printf(
                    Locale.ROOT,
                    "| 1M-row %s | `%s` | %s | %.2f | %.2f | %d | %d | %s |%n",
                    format.toUpperCase(Locale.ROOT),
                    String.join(" ", arguments),
                    tools.get(j).name(),
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

    private Run run(Path repository, Tool tool, List<String> arguments) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory(repository.getParent(), "out");
        Path log = Files.createTempFile(repository.getParent(), "stderr", ".txt");
        List<String> command = new ArrayList<>(tool.command());
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
            out.write(format.equals("csv") ? "step,loss\n" : format.equals("json") ? "[" : "");
            for (int step = 0; step < rows; step++) {
                double loss = 1 / (1 + step / 1000.0) + random.nextDouble() * 0.05;
                switch (format) {
                    case "csv" -> out.write(step + "," + loss + "\n");
                    case "json" ->
                        out.write((step == 0 ? "" : ", ") + "{\"step\": " + step + ", \"loss\": " + loss + "}");
                    default -> out.write("[[rows]]\nstep = " + step + "\nloss = " + loss + "\n");
                }
            }
            out.write(format.equals("json") ? "]\n" : "");
        }
    }
}
