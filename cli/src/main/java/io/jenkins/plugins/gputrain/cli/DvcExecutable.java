package io.jenkins.plugins.gputrain.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds DVC for the demo: {@code GPU_TRAIN_DVC} (what {@code .ci/dvc-env} prints), else {@code dvc} on the PATH. */
final class DvcExecutable {
    /** The environment variable naming a dvc executable. */
    static final String VARIABLE = "GPU_TRAIN_DVC";

    /** Why there is no DVC, in one line. */
    static final String MISSING = "DVC not found (set " + VARIABLE + " to a dvc executable or put dvc on the PATH;"
            + " .ci/dvc-env installs dvc==3.67.1)";

    private DvcExecutable() {}

    /** The dvc command, or empty when neither is there. */
    static Optional<List<String>> find() {
        String configured = System.getenv(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? Optional.of(List.of(configured)) : Optional.empty();
        }
        return runs(List.of("dvc", "--version")) ? Optional.of(List.of("dvc")) : Optional.empty();
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
