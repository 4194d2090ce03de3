package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Million-row plots drawn in a JVM with a heap far smaller than their rows would take whole (a build of main needed
 * 768 MiB for one such CSV file): CSV, JSON, YAML and TOML are streamed and reduced while read. A TOML file of as
 * many rows that only the whole read reads (a multi-line string in each row: Jackson's parser builds the whole
 * table) runs out of that heap and is refused in one line naming the file and the heap, the other plots drawn.
 */
class PlotsInBoundedMemoryTest {
    private static final int ROWS = 1_000_000;
    private static final String HEAP = "80m";

    @TempDir
    Path repository;

    @TempDir
    Path out;

    @Test
    void millionRowCsvJsonYamlAndTomlPlotsAreDrawnInAnEightyMebibyteHeapAndOneReadWholeIsRefusedInOneLine()
            throws Exception {
        assumeThat(TextDrawing.problem()).as("this machine draws text").isEmpty();
        Files.writeString(
                repository.resolve("dvc.yaml"),
                "plots:\n- loss.csv:\n    x: step\n    y: loss\n- acc.json:\n    x: step\n    y: acc\n"
                        + "- lr.yaml:\n    x: step\n    y: lr\n- wd.toml:\n    x: step\n    y: wd\n"
                        + "- note.toml:\n    x: step\n    y: m\n");
        write("loss.csv", "step,loss\n", "", row -> row + "," + (1.0 / (1 + row)) + "\n", "");
        write("acc.json", "[", ", ", row -> "{\"step\": " + row + ", \"acc\": " + (row % 1000) / 1000.0 + "}", "]");
        write("lr.yaml", "", "", row -> "- step: " + row + "\n  lr: " + (row % 10) / 1000.0 + "\n", "");
        write("wd.toml", "", "", row -> "[[rows]]\nstep = " + row + "\nwd = " + (row % 7) / 100.0 + "\n", "");
        write("note.toml", "", "", row -> "[[rows]]\nstep = " + row + "\nnote = \"\"\"x\"\"\"\nm = 1\n", "");

        List<String> lines = plotsInAJvmOf(HEAP);

        assertThat(lines).anySatisfy(line -> assertReduced(line, "loss.csv", "first 0 1.0, last 999999 1.0E-6"));
        assertThat(lines).anySatisfy(line -> assertReduced(line, "acc.json", "first 0 0.0, last 999999 0.999"));
        assertThat(lines).anySatisfy(line -> assertReduced(line, "lr.yaml", "first 0 0.0, last 999999 0.009"));
        assertThat(lines).anySatisfy(line -> assertReduced(line, "wd.toml", "first 0 0.0, last 999999 0.0"));
        assertThat(lines)
                .contains("refused note.toml: workspace: out of memory reading it (limit " + heapMib(lines)
                        + " MiB heap, the JVM's -Xmx)");
        assertThat(lines).filteredOn(line -> line.startsWith("refused")).hasSize(1);
        assertThat(out.resolve("loss.csv.svg")).isNotEmptyFile();
        assertThat(out.resolve("acc.json.svg")).isNotEmptyFile();
        assertThat(out.resolve("lr.yaml.svg")).isNotEmptyFile();
        assertThat(out.resolve("wd.toml.svg")).isNotEmptyFile();
        assertThat(out.resolve("note.toml.png")).doesNotExist();
    }

    /** A plot of at most 2 points per bucket and its first and last row, exactly as written. */
    private static void assertReduced(String line, String plot, String ends) {
        assertThat(line).startsWith("plot " + plot + ": ").endsWith(" points, " + ends);
        int points = Integer.parseInt(line.replaceAll("^plot [^:]+: (\\d+) points.*", "$1"));
        assertThat(points).isBetween(PlotRenderer.BUCKETS, 2 * 2 * PlotRenderer.BUCKETS + 2);
    }

    /** The heap the forked JVM reported (a little under -Xmx: one survivor space is not counted). */
    private static String heapMib(List<String> lines) {
        return lines.stream()
                .filter(line -> line.startsWith("refused "))
                .map(line -> line.replaceAll(".*\\(limit (\\d+) MiB.*", "$1"))
                .findFirst()
                .orElse("?");
    }

    private void write(
            String name, String head, String separator, java.util.function.IntFunction<String> row, String tail)
            throws IOException {
        try (BufferedWriter file = Files.newBufferedWriter(repository.resolve(name), StandardCharsets.UTF_8)) {
            file.write(head);
            for (int i = 0; i < ROWS; i++) {
                file.write((i == 0 ? "" : separator) + row.apply(i));
            }
            file.write(tail);
        }
    }

    private List<String> plotsInAJvmOf(String heap) throws IOException, InterruptedException {
        Process run = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + heap,
                        "-Djava.awt.headless=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PlotsOfThisRepository.class.getName(),
                        repository.toString(),
                        out.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).as("no stack trace").doesNotContain("\tat ");
        return output.lines().toList();
    }
}
