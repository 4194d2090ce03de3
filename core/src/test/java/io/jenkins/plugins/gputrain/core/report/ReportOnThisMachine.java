package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes the guide project's report bundle (sklearn-2023, which has data plots) into the given directory and prints
 * its warnings and files, one per line: what publishDvcMetrics does on an agent, in a JVM of its own.
 */
public final class ReportOnThisMachine {
    private ReportOnThisMachine() {}

    /** {@code ReportOnThisMachine DIRECTORY}. */
    public static void main(String[] args) throws IOException {
        Path workspace = FixtureRepository.create("sklearn-2023", Path.of(args[0]), Set.of());
        PublishedReport report = WorkspaceReport.write(workspace, "main", "gpu-train", null);
        report.warnings().forEach(warning -> System.out.println("warning: " + warning));
        report.files().forEach(file -> System.out.println("file: " + file));
    }
}
