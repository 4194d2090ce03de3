package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished process with empty standard input, for tests: its exit code, standard output and standard error.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
record ProcessRun(int exitCode, String out, String err) {
    /** This test JVM's {@code java}. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command with these environment variables set ({@code null} removes one) to its end. */
    static ProcessRun of(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("gpu-train-process", ".out");
        Path err = Files.createTempFile("gpu-train-process", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process = builder.start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES))
                    .as(command.toString())
                    .isTrue();
            return new ProcessRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
