package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A lone version request is answered by {@link Main} alone, as picocli answers it; anything else goes to picocli. */
class MainTest {
    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void theVersionLineIsTheOnePicocliPrints(String option) {
        CliRun picocli = CliRun.of(option);

        assertThat(Main.versionLine(option)).hasValueSatisfying(line -> assertThat(line + System.lineSeparator())
                .isEqualTo(picocli.out));
        assertThat(picocli.err).isEmpty();
    }

    @Test
    void anythingButALoneVersionRequestIsPicoclis() {
        assertThat(Main.versionLine()).isEmpty();
        assertThat(Main.versionLine("--version", "metrics")).isEmpty();
        assertThat(Main.versionLine("-V", "-h")).isEmpty();
        assertThat(Main.versionLine("-hV")).isEmpty();
        assertThat(Main.versionLine("--version=1")).isEmpty();
        assertThat(Main.versionLine("metrics")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void aJvmAnsweringTheVersionLoadsNoPicocliClassAndPrintsTheSameBytes(String option, @TempDir Path logs)
            throws Exception {
        Path classes = logs.resolve("classes.log");

        ProcessRun run = java(List.of("-Xlog:class+load:file=" + classes), Main.class.getName(), option);
        ProcessRun picocli = java(List.of(), GpuTrainCommand.class.getName(), option);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(picocli.out()).isEqualTo(CliRun.of(option).out);
        assertThat(picocli.exitCode()).isZero();
        assertThat(Files.readAllLines(classes))
                .anyMatch(line -> line.contains(" " + Main.class.getName() + " "))
                .noneMatch(line -> line.contains(" picocli."))
                .noneMatch(line -> line.contains(" " + GpuTrainCommand.class.getName() + " "));
    }

    @Test
    void anyOtherCommandLineRunsPicocliInTheSameJvm() throws Exception {
        ProcessRun run = java(List.of(), Main.class.getName(), "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("error: Unknown option: '--frobnicate'\nTry 'gpu-train --help' for more information.\n");
    }

    /** This test's class path in a new JVM with these options, running a main class. */
    private static ProcessRun java(List<String> options, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessRun.java());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return ProcessRun.of(command, Map.of());
    }
}
