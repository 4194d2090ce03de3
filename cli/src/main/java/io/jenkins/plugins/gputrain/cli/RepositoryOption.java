package io.jenkins.plugins.gputrain.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -C DIR}: run as if started in that directory, as {@code git -C} and DVC's {@code cd} do. */
final class RepositoryOption {
    @Option(
            names = "-C",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Run in this directory (default: the current one).")
    Path directory;
}
