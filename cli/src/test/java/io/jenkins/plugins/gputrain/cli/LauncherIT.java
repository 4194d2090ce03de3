package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged launcher ({@code target/gpu-train}) answers a lone version request without picocli, byte for byte as
 * picocli answers it from the same jar ({@link GpuTrainCommand} as the main class, the jar's entry point before),
 * with picocli's classes from the class data archive for every other command line.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("gpu-train.cli.launcher", "target/gpu-train"));

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void theLauncherPrintsPicoclisVersionBytesWithoutLoadingPicocli(String option, @TempDir Path logs)
            throws Exception {
        Path classes = logs.resolve("classes.log");
        Path jar = LAUNCHER.resolveSibling("gpu-train.jar");

        ProcessRun launcher = run(List.of("sh", LAUNCHER.toString(), option), "-Xlog:class+load:file=" + classes);
        ProcessRun picocli =
                run(List.of(ProcessRun.java(), "-cp", jar.toString(), GpuTrainCommand.class.getName(), option), null);

        assertThat(launcher.exitCode()).isZero();
        assertThat(launcher.err()).isEmpty();
        assertThat(launcher.out()).isEqualTo(picocli.out()).startsWith("gpu-train ");
        assertThat(picocli.exitCode()).isZero();
        assertThat(Files.readAllLines(classes))
                .anyMatch(line -> line.contains(" " + Main.class.getName() + " "))
                .noneMatch(line -> line.contains(" picocli."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--frobnicate"})
    void everyOtherCommandLineIsPicoclisAsFromTheJar(String option) throws Exception {
        Path jar = LAUNCHER.resolveSibling("gpu-train.jar");

        ProcessRun launcher = run(List.of("sh", LAUNCHER.toString(), option), null);
        ProcessRun jarRun = run(List.of(ProcessRun.java(), "-jar", jar.toString(), option), null);
        ProcessRun picocli =
                run(List.of(ProcessRun.java(), "-cp", jar.toString(), GpuTrainCommand.class.getName(), option), null);

        assertThat(launcher).isEqualTo(jarRun).isEqualTo(picocli);
        assertThat(launcher.out() + launcher.err()).contains("gpu-train");
    }

    @Test
    void theClassDataArchiveHoldsPicoclisCommandLineAndItsConverters(@TempDir Path logs) throws Exception {
        Path classes = logs.resolve("classes.log");

        ProcessRun launcher = run(List.of("sh", LAUNCHER.toString(), "--help"), "-Xlog:class+load:file=" + classes);

        assertThat(launcher.exitCode()).isZero();
        assertThat(Files.readAllLines(classes))
                .anyMatch(line -> line.endsWith(" picocli.CommandLine source: shared objects file"))
                .anyMatch(line ->
                        line.endsWith(" picocli.CommandLine$BuiltIn$IntegerConverter source: shared objects file"));
    }

    /** The launcher or a JVM, with this JVM as {@code JAVA_HOME} and these launcher options. */
    private static ProcessRun run(List<String> command, String javaOptions) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("GPU_TRAIN_JAVA_OPTS", javaOptions);
        return ProcessRun.of(command, environment);
    }
}
