package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GpuTrainCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void versionPrintsTheBuildStamp() {
        int exitCode = run("--version");

        assertThat(exitCode).isZero();
        assertThat(out.toString().strip())
                .matches(
                        "gpu-train \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(fabric8 \\d+\\.\\d+\\.\\d+, Jenkins baseline \\d+\\.\\d+\\.\\d+\\)");
    }

    @Test
    void helpDescribesTheCommand() {
        int exitCode = run("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("Usage: gpu-train").contains("--version", "--help");
    }

    @Test
    void noArgumentsPrintsUsage() {
        assertThat(run()).isZero();
        assertThat(out.toString()).startsWith("Usage: gpu-train");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        int exitCode = run("--frobnicate");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown option: '--frobnicate'");
        assertThat(out.toString()).isEmpty();
    }

    private int run(String... args) {
        CommandLine commandLine = GpuTrainCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
