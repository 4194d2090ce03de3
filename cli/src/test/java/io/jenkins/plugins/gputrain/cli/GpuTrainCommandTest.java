package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpuTrainCommandTest {
    @Test
    void versionPrintsTheBuildStamp() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode).isZero();
        assertThat(run.out.strip())
                .matches(
                        "gpu-train \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(fabric8 \\d+\\.\\d+\\.\\d+, Jenkins baseline \\d+\\.\\d+\\.\\d+\\)");
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out).startsWith("Usage: gpu-train").contains("--version", "--help", "pod");
    }

    @Test
    void noArgumentsPrintsUsage() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode).isZero();
        assertThat(run.out).startsWith("Usage: gpu-train");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        CliRun run = CliRun.of("--frobnicate");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err)
                .isEqualTo("error: Unknown option: '--frobnicate'\nTry 'gpu-train --help' for more information.\n");
        assertThat(run.out).isEmpty();
    }
}
