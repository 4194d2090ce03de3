package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metrics diff|show}, {@code params diff}, {@code plots diff} and {@code report} on a small repository. */
class DvcCommandsTest {
    @TempDir
    Path repo;

    @BeforeEach
    void project() throws Exception {
        write("dvc.yaml", "metrics:\n- m.json\nplots:\n- loss.csv:\n    x: step\n    y: loss\n");
        write("params.yaml", "lr: 0.1\n");
        write("m.json", "{\"acc\": 0.5}");
        write("loss.csv", "step,loss\n0,1.0\n1,0.5\n");
        MainCommit.of(repo);
        write("params.yaml", "lr: 0.2\n");
        write("m.json", "{\"acc\": 0.123456789}");
    }

    @Test
    void metricsDiffPlainMarkdownAndJson() {
        assertThat(run("metrics", "diff").out)
                .isEqualTo(
                        "Path    Metric    HEAD    workspace    Change\nm.json  acc       0.5     0.12346      -0.37654\n");
        assertThat(run("metrics", "diff", "main", "--md", "--no-path").out)
                .isEqualTo(
                        """
                | Metric   | main   | workspace   | Change   |
                |----------|--------|-------------|----------|
                | acc      | 0.5    | 0.12346     | -0.37654 |

                """);
        assertThat(run("metrics", "diff", "--json").out)
                .isEqualTo("{\"m.json\": {\"acc\": {\"old\": 0.5, \"new\": 0.123456789, \"diff\": -0.376543211}}}\n");
        assertThat(run("metrics", "diff", "--precision", "2").out).contains("0.12 ");
    }

    @Test
    void precisionAsDvcTakesItNegativeOrFarBeyondADoublesDigits() {
        // Python: round(0.5, -1) == 0.0 (half to even), round(-0.376543211, -1) == -0.0
        assertThat(run("metrics", "diff", "--precision", "-1").out).contains("acc       0.0     0.0          -0.0");
        String unrounded = "0.5     0.123456789  -0.376543211";
        assertThat(run("metrics", "diff", "--precision", "2147483647").out).contains(unrounded);
        assertThat(run("metrics", "diff", "--precision", "99999999999999999999").out)
                .contains(unrounded);
        assertThat(run("metrics", "show", "--precision", "1000000").out).contains("0.123456789");
        assertThat(run("metrics", "show", "--precision", "-99999999999999999999").out)
                .contains("0.0");
    }

    @Test
    void paramsDiffAndTargetsBeforeRevisions() {
        assertThat(run("params", "diff").out)
                .isEqualTo("Path         Param    HEAD    workspace\nparams.yaml  lr       0.1     0.2\n");
        assertThat(run("params", "diff", "--targets", "params.yaml", "--", "main", "workspace").out)
                .contains("params.yaml  lr       0.1     0.2");
    }

    @Test
    void unchangedGivesNoOutputButAllListsIt() throws IOException {
        write("params.yaml", "lr: 0.1\n");

        assertThat(run("params", "diff").out).isEmpty();
        assertThat(run("params", "diff", "--all").out).contains("lr       0.1     0.1");
    }

    @Test
    void metricsShow() {
        assertThat(run("metrics", "show").out).isEqualTo("Path    acc\nm.json  0.12346\n");
        assertThat(run("metrics", "show", "--json").out)
                .isEqualTo("{\"\": {\"data\": {\"m.json\": {\"data\": {\"acc\": 0.123456789}}}}}\n");
    }

    @Test
    void fromJsonRendersWhatDvcPrinted() throws IOException {
        Path json = repo.resolve("diff.json");
        Files.writeString(json, "{\"m.json\": {\"acc\": {\"old\": 0.5, \"new\": 0.25, \"diff\": -0.25}}}");

        assertThat(run("metrics", "diff", "main", "--from-json", json.toString()).out)
                .isEqualTo(
                        "Path    Metric    main    workspace    Change\nm.json  acc       0.5     0.25         -0.25\n");
    }

    @Test
    void brokenWorkspaceFileWarnsAndStillPrints() throws IOException {
        write("m.json", "{broken");

        CliRun run = run("metrics", "diff");

        assertThat(run.exitCode).isZero();
        assertThat(run.err).isEqualTo("DVC failed to load some metrics for following revisions: 'workspace'.\n");
        assertThat(run.out).contains("m.json  acc       0.5     -");
    }

    @Test
    void unknownRevisionIsOneErrorLineAndExitCode1() {
        CliRun run = run("metrics", "diff", "nope");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).isEqualTo("ERROR: unknown Git revision 'nope'\n");
        assertThat(run.out).isEmpty();
    }

    @Test
    void malformedFromJsonIsOneErrorLine() throws IOException {
        Path json = repo.resolve("diff.json");
        Files.writeString(json, "[1, 2]");

        CliRun run = run("metrics", "diff", "--from-json", json.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("ERROR: --from-json '").contains("not DVC --json output");
    }

    @Test
    void plotsDiffAndReportWriteFiles() {
        CliRun plots = run("plots", "diff", "main", "-o", "out");
        CliRun report = run("report", "--baseline", "main", "--out", "bundle");

        assertThat(plots.exitCode).isZero();
        assertThat(repo.resolve("out/loss.csv.png")).isRegularFile();
        assertThat(report.exitCode).isZero();
        assertThat(report.out).contains("report.md");
        assertThat(repo.resolve("bundle/report.html")).isRegularFile();
    }

    @Test
    void aPlotFileOverTheSizeLimitIsOneErrorLineNamingItAndTheLimitAndTheRestIsWritten() throws Exception {
        try (java.io.RandomAccessFile large =
                new java.io.RandomAccessFile(repo.resolve("loss.csv").toFile(), "rw")) {
            large.setLength(DataFileReader.DEFAULT_MAX_BYTES + 1);
        }
        String line = "ERROR: loss.csv: workspace: 'loss.csv' is larger than 67108864 bytes (limit 67108864 bytes per"
                + " file)";

        CliRun plots = run("plots", "diff", "main", "-o", "out");
        CliRun report = run("report", "--baseline", "main", "--out", "bundle");

        assertThat(plots.exitCode).isZero();
        assertThat(plots.err.lines().filter(l -> l.startsWith("ERROR"))).containsExactly(line);
        assertThat(plots.err).doesNotContain("\tat ");
        assertThat(repo.resolve("out/loss.csv.png")).isRegularFile();
        assertThat(report.exitCode).isZero();
        assertThat(report.err.lines().filter(l -> l.startsWith("ERROR"))).containsExactly(line);
        assertThat(Files.readString(repo.resolve("bundle/report.md"))).contains("- " + line);
    }

    private CliRun run(String... args) {
        String[] withDirectory = new String[args.length + 2];
        int i = 0;
        for (; i < args.length && !args[i].startsWith("-"); i++) {
            withDirectory[i] = args[i];
        }
        withDirectory[i] = "-C";
        withDirectory[i + 1] = repo.toString();
        System.arraycopy(args, i, withDirectory, i + 2, args.length - i);
        CliRun run = CliRun.of(withDirectory);
        return run;
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(repo.resolve(path), text);
    }
}
