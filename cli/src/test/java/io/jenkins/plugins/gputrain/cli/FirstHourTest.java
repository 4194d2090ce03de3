package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The cases a new user hit in the first hour (issue 12): each one line, the right noun, the right exit code. */
class FirstHourTest {
    @TempDir
    Path temp;

    @Test
    void valuesThatWereAcceptedSilentlyAreUsageErrors() {
        String empty = "empty (expected a value, or leave the option out for its default)";
        assertUsageError(CliRun.of("pod", "--image", ""), "error: Invalid value for option '--image': " + empty, "pod");
        assertUsageError(
                CliRun.of("report", "--baseline", " "),
                "error: Invalid value for option '--baseline': " + empty,
                "report");
        assertUsageError(
                CliRun.of("metrics", "diff", "-C", ""),
                "error: Invalid value for option '-C': " + empty,
                "metrics diff");
        assertUsageError(
                CliRun.of("gc", "--namespace", ""), "error: Invalid value for option '--namespace': " + empty, "gc");
        assertUsageError(
                CliRun.of("metrics", "diff", "-C", temp.toString(), "--precision", "1.5"),
                "error: --precision '1.5': expected a whole number of decimal places",
                "metrics diff");
        assertUsageError(
                CliRun.of("metrics", "show", "-C", temp.toString(), "--precision", "five"),
                "error: --precision 'five': expected a whole number of decimal places",
                "metrics show");
        assertUsageError(
                CliRun.of("gc", "--namespace", "Bad_NS"),
                "error: --namespace 'Bad_NS': not a DNS label (expected at most 63 lower-case letters, digits or '-',"
                        + " alphanumeric at both ends)",
                "gc");
    }

    @Test
    void usageErrorsAreOneLineAndAHintNotTheWholeUsage() {
        assertUsageError(CliRun.of("metrics", "diff", "--bogus"), "error: Unknown option: '--bogus'", "metrics diff");
        assertUsageError(
                CliRun.of("run", "--executor", "cloud", "--", "true"),
                "error: Invalid value for option '--executor': expected one of [kubernetes, local] (case-sensitive)"
                        + " but was 'cloud'",
                "run");
    }

    @Test
    void filesAndDirectoriesAreNamedByTheirOption() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        Path missing = temp.resolve("missing");

        assertRuntimeError(
                CliRun.of("metrics", "diff", "--from-json", "/nonexistent.json"),
                "ERROR: --from-json '/nonexistent.json': no such file or directory");
        assertRuntimeError(
                CliRun.of("params", "diff", "--from-json", temp.toString()),
                "ERROR: --from-json '" + temp + "': is a directory (expected the JSON file 'dvc … diff --json'"
                        + " printed, at most 67108864 bytes; - reads standard input)");
        assertRuntimeError(
                CliRun.of("metrics", "diff", "-C", missing.toString()),
                "ERROR: -C '" + missing + "': no such directory");
        assertRuntimeError(
                CliRun.of("metrics", "show", "-C", file.toString()), "ERROR: -C '" + file + "': not a directory");
        assertRuntimeError(
                CliRun.of("report", "-C", temp.toString(), "--out", file.toString()),
                "ERROR: --out '" + file + "': is a file (expected a directory to write into)");
        assertRuntimeError(
                CliRun.of(
                        "plots",
                        "diff",
                        "-C",
                        temp.toString(),
                        "-o",
                        file.resolve("below").toString()),
                "ERROR: --out '" + file.resolve("below") + "': " + file + " is a file (expected a directory to write"
                        + " into)");
    }

    @Test
    void aFolderThatIsNotAGitRepositorySaysSo() throws IOException {
        CliRun run = CliRun.of("metrics", "diff", "-C", temp.toString());

        assertRuntimeError(
                run,
                "ERROR: " + temp.toRealPath() + " is not a git repository (nor is any parent), so it has no revision"
                        + " 'HEAD'; only the workspace can be read");
    }

    @Test
    void anEmptyOrListDvcYamlSaysWhatIsWrong() throws IOException {
        Files.writeString(temp.resolve("dvc.yaml"), "");
        CliRun empty = CliRun.of("metrics", "show", "-C", temp.toString());
        Files.writeString(temp.resolve("dvc.yaml"), "- m.json\n");
        CliRun list = CliRun.of("metrics", "show", "-C", temp.toString());

        assertThat(empty.exitCode).isZero();
        assertThat(empty.err)
                .isEqualTo("WARNING: " + temp.toRealPath().resolve("dvc.yaml")
                        + " is empty: it declares no stages, metrics, params or plots\n");
        assertThat(list.exitCode).isZero();
        assertThat(list.err)
                .isEqualTo("WARNING: failed to load metrics in revision '', 'dvc.yaml' validation failed:"
                        + " expected a mapping of stages, metrics, params and plots, found a list\n"
                        + "DVC failed to load some metrics for following revisions: ''.\n");
    }

    @Test
    void aDivergedRunIsReportedWithItsExitCodeAndAWarningNotAStackTrace() throws Exception {
        Files.writeString(temp.resolve("dvc.yaml"), "plots:\n- loss.csv:\n    x: step\n    y: loss\n");
        CliRun run = CliRun.of(
                "run",
                "-C",
                temp.toString(),
                "--executor",
                "local",
                "--",
                "sh",
                "-c",
                "printf 'step,loss\\n0,1\\n1,inf\\n2,-inf\\n3,nan\\n' > loss.csv");

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err)
                .contains("[gpu-train] plot 'loss.csv': workspace: 3 values not drawn (inf, -inf or nan)")
                .doesNotContain("ERROR", "\tat ");
        assertThat(temp.resolve("gpu-train/plots/loss.csv.png")).isNotEmptyFile();
        assertThat(Files.readString(temp.resolve("gpu-train/report.md")))
                .contains("## Warnings\n", "- plot 'loss.csv': workspace: 3 values not drawn (inf, -inf or nan)\n");
    }

    @Test
    void anInternalFailureIsOneLineNamingTheLogWithTheTrace() throws IOException {
        ErrorReporting errors = new ErrorReporting();
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine commandLine = new CommandLine(new Broken())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        commandLine.setErr(new java.io.PrintWriter(err, true));

        int exitCode = commandLine.execute();

        assertThat(exitCode).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("ERROR: internal error (IllegalStateException: a bug\\nwith two lines); the stack trace"
                        + " is in ")
                .endsWith("; please report it");
        Path log = Path.of(lines.get(0).replaceAll(".* the stack trace is in (.*); please report it", "$1"));
        try {
            assertThat(Files.readString(log)).contains("IllegalStateException: a bug", "at ", "Broken.call");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void demoWithoutPython3LeavesNothingBehindAndCanBeRunAgain() throws Exception {
        Path dir = temp.resolve("demo");

        for (int attempt = 1; attempt <= 2; attempt++) {
            ProcessBuilder demo = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            GpuTrainCommand.class.getName(),
                            "demo",
                            "--dir",
                            dir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            demo.environment()
                    .put(
                            "PATH",
                            Files.createDirectories(temp.resolve("empty-bin")).toString());
            Process process = demo.start();
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(err).isEqualTo(1);
            assertThat(err.lines().filter(line -> line.startsWith("ERROR: ")))
                    .as("attempt " + attempt)
                    .containsExactly("ERROR: python3 is not on PATH: the demo's training script needs Python 3"
                            + " (standard library only) (the half-made demo project was removed)");
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void anErrorPicocliLetsThroughIsTheOneInternalErrorLineToo() throws IOException {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine commandLine = new CommandLine(new Overflowing());
        ErrorReporting errors = new ErrorReporting();
        commandLine.setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
        commandLine.setErr(new java.io.PrintWriter(err, true));

        int exitCode = GpuTrainCommand.execute(commandLine);

        assertThat(exitCode).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("ERROR: internal error (StackOverflowError: too deep); the stack trace is in ");
        Files.deleteIfExists(Path.of(lines.get(0).replaceAll(".* the stack trace is in (.*); please report it", "$1")));
    }

    @Test
    void specialFilesAreRefusedByTheirOptionNotReadUntilMemoryRunsOut() throws IOException {
        CliRun json = CliRun.of("metrics", "diff", "--from-json", "/dev/zero");
        CliRun pod = CliRun.of("pod", "--pod-yaml", "/dev/zero");

        assertRuntimeError(
                json,
                "ERROR: --from-json '/dev/zero': not a regular file (expected the JSON file 'dvc … diff --json'"
                        + " printed, at most 67108864 bytes; - reads standard input)");
        assertThat(pod.exitCode).as(pod.err).isEqualTo(2);
        assertThat(pod.err.lines().findFirst().orElseThrow())
                .isEqualTo("error: --pod-yaml '/dev/zero': not a regular file (expected a readable YAML file of at"
                        + " most " + PodOptions.MAX_POD_YAML_BYTES + " bytes)");
    }

    @Test
    void aPodYamlThatIsNotUtf8SaysSo() throws IOException {
        Path latin1 = Files.write(temp.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        CliRun pod = CliRun.of("pod", "--pod-yaml", latin1.toString());

        assertUsageError(
                pod,
                "error: --pod-yaml '" + latin1 + "': not UTF-8 text (expected a readable YAML file of at most "
                        + PodOptions.MAX_POD_YAML_BYTES + " bytes)",
                "pod");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWhileReading() throws IOException {
        Path big = temp.resolve("big.yaml");
        Files.writeString(big, "#".repeat(PodOptions.MAX_POD_YAML_BYTES + 1));

        CliRun pod = CliRun.of("pod", "--pod-yaml", big.toString());

        assertThat(pod.err.lines().findFirst().orElseThrow())
                .isEqualTo("error: --pod-yaml '" + big + "': larger than " + PodOptions.MAX_POD_YAML_BYTES
                        + " bytes (expected a readable YAML file of at most " + PodOptions.MAX_POD_YAML_BYTES
                        + " bytes)");
    }

    @Test
    void aRepositoryWithoutCommitsHasEmptyDiffsAndNoPlotsWhateverTheRevisionsAsInDvc() throws Exception {
        Git.init().setDirectory(temp.toFile()).call().close();
        Files.writeString(
                temp.resolve("dvc.yaml"),
                "metrics:\n- m.json\nparams:\n- p.yaml\nplots:\n- loss.csv:\n    x: step\n    y: loss\n");
        Files.writeString(temp.resolve("m.json"), "{\"acc\": 1}");
        Files.writeString(temp.resolve("p.yaml"), "lr: 1\n");
        Files.writeString(temp.resolve("loss.csv"), "step,loss\n0,1\n1,0.5\n");

        for (List<String> revisions : List.of(
                List.<String>of(), List.of("HEAD"), List.of("main"), List.of("HEAD", "workspace"), List.of("nosuch"))) {
            CliRun metrics = inTemp(revisions, "metrics", "diff", "--json");
            CliRun params = inTemp(revisions, "params", "diff");
            CliRun plots = inTemp(revisions, "plots", "diff");

            assertThat(List.of(metrics.exitCode, params.exitCode, plots.exitCode))
                    .as(revisions.toString())
                    .containsOnly(0);
            assertThat(metrics.out).isEqualTo("{}\n");
            assertThat(params.out).isEmpty();
            assertThat(plots.out).isEmpty();
            assertThat(metrics.err + params.err).isEmpty();
            assertThat(plots.err).isEqualTo("No plots were loaded, visualization file will not be created.\n");
            assertThat(temp.resolve("dvc_plots")).doesNotExist();
        }
    }

    private CliRun inTemp(List<String> revisions, String... command) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of("-C", temp.toString()));
        args.addAll(revisions);
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aValueWithALineBreakIsShownWholeEscaped() {
        CliRun run = CliRun.of("metrics", "diff", "-C", temp.resolve("a\n\nb").toString());

        assertRuntimeError(run, "ERROR: -C '" + temp + "/a\\n\\nb': no such directory");
    }

    @Test
    void exclusiveFormatsAreNamedAsTypedWithoutADoubledPrefix() {
        assertUsageError(
                CliRun.of("metrics", "diff", "--md", "--json"),
                "error: --md, --json are mutually exclusive (specify only one)",
                "metrics diff");
        assertUsageError(
                CliRun.of("params", "diff", "--json", "--show-md"),
                "error: --json, --show-md are mutually exclusive (specify only one)",
                "params diff");
    }

    @Test
    void valuesNotDrawnAreAWarningAsDvcPrintsThem() throws IOException {
        Files.writeString(temp.resolve("dvc.yaml"), "plots:\n- loss.csv:\n    x: step\n    y: loss\n");
        Files.writeString(temp.resolve("loss.csv"), "step,loss\n0,1\n1,inf\n2,-inf\n3,nan\n");

        CliRun run = CliRun.of("plots", "diff", "-C", temp.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err.lines())
                .contains("WARNING: plot 'loss.csv': workspace: 3 values not drawn (inf, -inf or nan)");
    }

    private static void assertUsageError(CliRun run, String message, String command) {
        assertThat(run.exitCode).as(run.err).isEqualTo(2);
        assertThat(run.err).isEqualTo(message + "\nTry 'gpu-train " + command + " --help' for more information.\n");
        assertThat(run.out).isEmpty();
    }

    private static void assertRuntimeError(CliRun run, String line) {
        assertThat(run.exitCode).as(run.err).isEqualTo(1);
        assertThat(run.err).isEqualTo(line + "\n");
    }

    /**
     * A command that fails with an {@link Error} (not an {@code OutOfMemoryError}, which JUnit would rethrow and so end
     * the test JVM when the guard is broken).
     */
    @Command(name = "overflowing")
    static final class Overflowing implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new StackOverflowError("too deep");
        }
    }

    /** A command with a bug. */
    @Command(name = "broken")
    static final class Broken implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug\nwith two lines");
        }
    }
}
