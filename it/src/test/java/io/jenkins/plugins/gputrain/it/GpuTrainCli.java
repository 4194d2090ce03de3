package io.jenkins.plugins.gputrain.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code gpu-train} executable jar as a user does ({@code java -jar cli/target/gpu-train.jar …}),
 * with the test cluster as its kubeconfig ({@code KUBECONFIG}) and nothing else of the test JVM.
 */
public final class GpuTrainCli {
    private static final Path JAR = Path.of(System.getProperty("gpu-train.cli.jar", "../cli/target/gpu-train.jar"));

    private final Path kubeconfig;

    /** A runner using the test cluster's kubeconfig (its administrator). */
    public GpuTrainCli(Testbed testbed) {
        this(testbed.kubeconfig());
    }

    /** A runner using another kubeconfig, e.g. a restricted service account's. */
    public GpuTrainCli(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    /** How a run ended. */
    public record Result(int exitCode, String out, String err) {
        /** Both streams, for assertion messages. */
        public String transcript() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /**
     * Runs {@code gpu-train ARGS…} in a directory and waits for it.
     *
     * @param directory the working directory
     * @param minutes how long it may take before the test fails
     * @param arguments the arguments
     * @return how it ended
     */
    public Result run(Path directory, long minutes, String... arguments) throws IOException, InterruptedException {
        return start(directory, arguments).finish(minutes);
    }

    /**
     * Starts {@code gpu-train ARGS…} in a directory, for a test that acts on the running process (e.g. signals it).
     *
     * @param directory the working directory
     * @param arguments the arguments
     * @return the running process
     */
    public Started start(Path directory, String... arguments) throws IOException {
        // A command started in the background of a non-interactive shell (CI runners, `cmd &` in a script) inherits
        // SIGINT ignored, and the JVM leaves an ignored SIGINT ignored: coreutils' env resets it to the default, as a
        // terminal's foreground job has it, so that KilledRunIT's SIGINT reaches the CLI however the build was started.
        List<String> command = new ArrayList<>(List.of(
                "env",
                "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("gpu-train-out", ".txt");
        Path err = Files.createTempFile("gpu-train-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("KUBECONFIG", kubeconfig.toString());
        environment.remove("KUBERNETES_SERVICE_HOST");
        environment.remove("KUBERNETES_SERVICE_PORT");
        try {
            return new Started(builder.start(), String.join(" ", arguments), out, err);
        } catch (IOException e) {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            throw e;
        }
    }

    /** A {@code gpu-train} process started by {@link #start}, its output going to temporary files. */
    public static final class Started {
        private final Process process;
        private final String arguments;
        private final Path out;
        private final Path err;

        private Started(Process process, String arguments, Path out, Path err) {
            this.process = process;
            this.arguments = arguments;
            this.out = out;
            this.err = err;
        }

        /** The process, e.g. to signal it. */
        public Process process() {
            return process;
        }

        /**
         * Waits for the process to end.
         *
         * @param minutes how long it may take before the test fails (the process is then killed)
         * @return how it ended
         */
        public Result finish(long minutes) throws IOException, InterruptedException {
            try {
                if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("gpu-train " + arguments + " did not end within " + minutes
                            + " minutes\n--- stdout\n" + Files.readString(out) + "\n--- stderr\n"
                            + Files.readString(err));
                }
                return new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }
}
