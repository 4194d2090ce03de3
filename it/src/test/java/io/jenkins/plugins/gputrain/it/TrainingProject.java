package io.jenkins.plugins.gputrain.it;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small DVC project committed on {@code main}, as a user's repository would be when they call
 * {@code gpu-train run}: one stage whose command is given, writing {@code metrics.json}.
 */
final class TrainingProject {
    private TrainingProject() {}

    /**
     * Writes the project and commits it on {@code main}.
     *
     * @param directory an empty directory
     * @param stageCommand the stage's {@code cmd}
     * @return the directory
     */
    static Path create(Path directory, String stageCommand) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(
                directory.resolve("dvc.yaml"),
                "stages:\n  train:\n    cmd: " + stageCommand + "\n    metrics:\n      - metrics.json:\n"
                        + "          cache: false\n");
        Files.writeString(directory.resolve("metrics.json"), "{\"acc\": 0.5}\n");
        MainCommit.of(directory);
        return directory;
    }
}
