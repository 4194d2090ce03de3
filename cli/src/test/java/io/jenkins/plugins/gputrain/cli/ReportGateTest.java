package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpu-train report --gate}: one line per gate, and every exit code. */
class ReportGateTest {
    private static final String PASSES = "m.json:acc change >= -0.01";
    private static final String FAILS = "m.json:acc value >= 0.9";
    private static final String UNSTABLE = "m.json:loss change <= 0 unstable";

    @TempDir
    Path repo;

    @BeforeEach
    void project() throws Exception {
        write("dvc.yaml", "metrics:\n- m.json\n");
        write("m.json", "{\"acc\": 0.5, \"loss\": 0.4}");
        MainCommit.of(repo);
        write("m.json", "{\"acc\": 0.75, \"loss\": 0.5}");
    }

    @Test
    void passedGatesExitZeroWithOneLineEach() {
        CliRun run = report("--gate", PASSES, "--gate", "m.json:loss value < 1");

        assertThat(run.exitCode).isZero();
        assertThat(run.out)
                .contains(
                        "Quality gate m.json:acc change >= -0.01 (failure): passed, change +0.25 (0.5 → 0.75)\n",
                        "Quality gate m.json:loss value < 1 (failure): passed, value 0.5\n",
                        "Quality gates: passed (0 failed, 0 unstable, 2 passed)\n");
        assertThat(run.err).isEmpty();
        assertThat(repo.resolve("bundle/quality-gates.json")).content().startsWith("{\"status\": \"passed\"");
    }

    @Test
    void aFailedFailureGateExitsThree() {
        CliRun run = report("--gate", PASSES, "--gate", FAILS);

        assertThat(run.exitCode).isEqualTo(ReportCommand.GATE_FAILED).isEqualTo(3);
        assertThat(run.out).contains("Quality gate m.json:acc value >= 0.9 (failure): failed, value 0.75\n");
        assertThat(repo.resolve("bundle/report.md")).content().contains("## Quality gates: failed");
    }

    @Test
    void aFailedUnstableGateWarnsAndExitsZeroUnlessAskedToFail() {
        CliRun lenient = report("--gate", UNSTABLE);
        CliRun strict = report("--gate", UNSTABLE, "--fail-on-unstable");

        assertThat(lenient.exitCode).isZero();
        assertThat(lenient.out).contains("(unstable): unstable, change +0.1 (0.4 → 0.5)");
        assertThat(lenient.err)
                .isEqualTo("warning: 1 unstable quality gate(s) failed; exit 0 (--fail-on-unstable exits 3)\n");
        assertThat(strict.exitCode).isEqualTo(3);
        assertThat(strict.err).isEmpty();
    }

    @Test
    void aMissingMetricFailsItsGate() {
        CliRun run = report("--gate", "m.json:f1 value > 0");

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.out).contains("Quality gate m.json:f1 value > 0 (failure): failed, missing in the workspace\n");
    }

    @Test
    void aBadGateIsAUsageErrorNamingItAndNothingIsWritten() {
        CliRun run = report("--gate", PASSES, "--gate", "m.json:acc change => 0");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err)
                .isEqualTo("error: --gate 'm.json:acc change => 0': unknown operator '=>' (expected one of >=, >, <=,"
                        + " <)\nTry 'gpu-train report --help' for more information.\n");
        assertThat(run.out).isEmpty();
        assertThat(repo.resolve("bundle")).doesNotExist();
    }

    @Test
    void aReportThatCannotBeWrittenExitsOne() throws IOException {
        write("bundle", "a file where the report directory should be");

        CliRun run = report("--gate", PASSES);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).startsWith("ERROR: ").doesNotContain("\tat ");
    }

    @Test
    void helpListsTheSyntaxAndTheExitCodes() {
        CliRun run = CliRun.of("report", "--help");

        assertThat(run.out)
                .contains(
                        "--gate=GATE",
                        "'FILE:KEY change|value",
                        ">=|>|<=|< NUMBER [unstable|failure]'",
                        "--fail-on-unstable",
                        "Exit codes:",
                        "3   Report written, and a failure gate failed");
    }

    private CliRun report(String... options) {
        List<String> args = new ArrayList<>(List.of("report", "-C", repo.toString(), "--out", "bundle"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void write(String path, String text) throws IOException {
        Files.writeString(repo.resolve(path), text);
    }
}
