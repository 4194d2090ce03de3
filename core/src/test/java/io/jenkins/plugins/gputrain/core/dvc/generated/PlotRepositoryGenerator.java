package io.jenkins.plugins.gputrain.core.dvc.generated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Seeded generator of DVC repositories with data plots, for comparing what gpu-train draws with {@code dvc plots
 * diff --json}: CSV, TSV, JSON (a list, or a list under a key) and YAML files; templates {@code linear},
 * {@code simple}, {@code smooth}, {@code scatter} and {@code bar_horizontal}; {@code x}/{@code y} given or left to
 * DVC's defaults, titles; top-level and stage plots; {@code main} committed, the workspace changed (rows added or
 * removed, a file deleted). Half the repositories also hold a JSON file with several lists of rows, drawn from a
 * random stream of its own so that the other files stay as they were for a seed: lists of different lengths (DVC
 * merges them index by index), rows whose key sets differ (a later row without a key of the first, or with one the
 * first lacks, which makes its list no list of data points), {@code y} given or inferred from the first list, and now
 * and then an empty list (the file's error). Half of them, from a third stream, also hold a plot whose {@code x} is
 * another file's ({@code x: {plots/x.csv: step}, y: {plots/y.json: loss}}), joined by row index: the files mostly of
 * the same length, now and then not (DVC leaves out the revision), or the y file one without data points
 * ({@code []}, {@code {}}, {@code {"loss": []}}, {@code {"acc": 0.9}}).
 */
public final class PlotRepositoryGenerator {
    private static final List<String> TEMPLATES = List.of("linear", "simple", "smooth", "scatter", "bar_horizontal");
    private static final List<String> FORMATS = List.of(".csv", ".tsv", ".json", ".yaml", "-keyed.json");

    private static final String LISTS = "plots/lists.json";
    private static final String JOINED_X = "plots/x.csv";
    private static final String JOINED_Y = "plots/y.json";
    private static final List<String> NO_DATAPOINTS = List.of("[]", "{}", "{\"loss\": []}", "{\"acc\": 0.9}");

    private final long seed;

    /** A generator; the same seed gives the same repositories. */
    public PlotRepositoryGenerator(long seed) {
        this.seed = seed;
    }

    /** Writes repository number {@code index} into an empty directory and returns it. */
    public Path create(Path directory, int index) throws IOException {
        Random random = new Random(seed * 7_919L + index);
        int plots = 1 + random.nextInt(3);
        List<String> dvcYaml = new ArrayList<>(List.of("plots:"));
        List<String> stagePlots = new ArrayList<>();
        List<String[]> files = new ArrayList<>();
        for (int i = 0; i < plots; i++) {
            String format = FORMATS.get(random.nextInt(FORMATS.size()));
            String path = "plots/p" + i + format;
            boolean explicit = random.nextBoolean();
            List<String> definition = random.nextBoolean() ? dvcYaml : stagePlots;
            String indent = definition == dvcYaml ? "  " : "      ";
            definition.add(indent + "- " + path + (explicit || definition == stagePlots ? ":" : ""));
            if (definition == stagePlots) {
                definition.add(indent + "    cache: false");
            }
            if (explicit) {
                definition.add(indent + "    x: step");
                definition.add(indent + "    y: loss");
                definition.add(indent + "    template: " + TEMPLATES.get(random.nextInt(TEMPLATES.size())));
                definition.add(indent + "    title: Plot " + i);
            }
            files.add(new String[] {path, format});
        }
        Random lists = new Random(seed * 104_729L + index);
        boolean withLists = lists.nextBoolean();
        if (withLists) {
            dvcYaml.addAll(List.of("  - " + LISTS + ":", "      x: step"));
            if (lists.nextBoolean()) {
                dvcYaml.add("      y: loss");
            }
        }
        Random joins = new Random(seed * 15_485_863L + index);
        boolean withJoin = joins.nextBoolean();
        if (withJoin) {
            dvcYaml.add("  - joined: {x: {" + JOINED_X + ": step}, y: {" + JOINED_Y + ": loss}, template: "
                    + List.of("linear", "scatter", "confusion").get(joins.nextInt(3)) + "}");
        }
        if (dvcYaml.size() == 1) {
            dvcYaml.clear();
        }
        if (!stagePlots.isEmpty()) {
            dvcYaml.add("stages:");
            dvcYaml.add("  train:");
            dvcYaml.add("    cmd: echo train");
            dvcYaml.add("    plots:");
            dvcYaml.addAll(stagePlots);
        }
        try (Git git = Git.init()
                .setDirectory(directory.toFile())
                .setInitialBranch("main")
                .call()) {
            write(directory, ".dvc/config", "");
            write(directory, "dvc.yaml", String.join("\n", dvcYaml) + "\n");
            for (String[] file : files) {
                write(directory, file[0], data(random, file[1]));
            }
            if (withLists) {
                write(directory, LISTS, lists(lists));
            }
            if (withJoin) {
                joined(directory, joins);
            }
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("main")
                    .setAuthor("generator", "generator@example.com")
                    .setCommitter("generator", "generator@example.com")
                    .setSign(false)
                    .call();
            for (String[] file : files) {
                if (random.nextInt(8) == 0) {
                    Files.delete(directory.resolve(file[0]));
                } else {
                    write(directory, file[0], data(random, file[1]));
                }
            }
            if (withLists) {
                write(directory, LISTS, lists(lists));
            }
            if (withJoin) {
                joined(directory, joins);
            }
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        return directory;
    }

    /** An x file and a y file joined by row index: mostly of one length, now and then not, or no data points. */
    private static void joined(Path directory, Random random) throws IOException {
        int rows = 1 + random.nextInt(5);
        int yRows = random.nextInt(4) == 0 ? random.nextInt(6) : rows;
        StringBuilder x = new StringBuilder("step\n");
        for (int row = 0; row < rows; row++) {
            x.append(random.nextInt(3)).append('\n');
        }
        List<String> records = new ArrayList<>();
        for (int row = 0; row < yRows; row++) {
            records.add("{\"loss\": " + random.nextInt(3) + "}");
        }
        write(directory, JOINED_X, x.toString());
        write(
                directory,
                JOINED_Y,
                yRows == 0
                        ? NO_DATAPOINTS.get(random.nextInt(NO_DATAPOINTS.size()))
                        : "[" + String.join(", ", records) + "]");
    }

    /** A JSON mapping of two or three lists of rows, for DVC's list merging rules. */
    private static String lists(Random random) {
        List<String> lists = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int list = 0; list < count; list++) {
            int rows = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(6);
            String field = List.of("loss", "acc", "lr").get(list);
            int odd = random.nextInt(4) == 0 ? 1 + random.nextInt(Math.max(1, rows)) : -1;
            // a key the list's first row lacks: no list of data points, and DVC's FieldNotFoundError where it held y
            boolean extra = random.nextBoolean();
            List<String> records = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                List<String> fields = new ArrayList<>();
                fields.add("\"step\": " + row);
                if (row != odd || extra) {
                    fields.add("\"" + field + "\": " + random.nextInt(1000) / 100.0);
                }
                if (row == odd && extra) {
                    fields.add("\"extra\": " + random.nextInt(10));
                }
                records.add("{" + String.join(", ", fields) + "}");
            }
            lists.add("\"" + field + "s\": [" + String.join(", ", records) + "]");
        }
        return "{" + String.join(", ", lists) + "}\n";
    }

    /** Rows with a step, a loss and a name, in the file's format. */
    private static String data(Random random, String format) {
        int rows = 1 + random.nextInt(12);
        List<String[]> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String loss = random.nextBoolean()
                    ? String.valueOf(random.nextInt(100) - 20)
                    : String.valueOf(random.nextInt(100_000) / 1000.0);
            values.add(new String[] {String.valueOf(i * (1 + random.nextInt(3))), loss, "c" + random.nextInt(4)});
        }
        StringBuilder text = new StringBuilder();
        switch (format) {
            case ".csv", ".tsv" -> {
                String separator = format.equals(".csv") ? "," : "\t";
                text.append(String.join(separator, "step", "loss", "name")).append('\n');
                values.forEach(row -> text.append(String.join(separator, row)).append('\n'));
            }
            case ".yaml" ->
                values.forEach(row -> text.append("- step: ")
                        .append(row[0])
                        .append("\n  loss: ")
                        .append(row[1])
                        .append("\n  name: ")
                        .append(row[2])
                        .append('\n'));
            default -> {
                List<String> records = values.stream()
                        .map(row ->
                                "{\"step\": " + row[0] + ", \"loss\": " + row[1] + ", \"name\": \"" + row[2] + "\"}")
                        .toList();
                String list = "[" + String.join(", ", records) + "]";
                text.append(format.equals(".json") ? list : "{\"curve\": " + list + "}")
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
