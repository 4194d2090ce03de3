package io.jenkins.plugins.gputrain.core.dvc.generated;

import java.nio.file.Path;
import java.util.List;

/**
 * A generated DVC repository and the commands to compare on it.
 *
 * @param directory its work tree
 * @param commands each command's arguments after {@code dvc} (or {@code gpu-train})
 */
public record GeneratedRepository(Path directory, List<List<String>> commands) {
    /** Copies the list. */
    public GeneratedRepository {
        commands = List.copyOf(commands);
    }
}
