package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Writes the report bundle of a workspace into its report directory, as {@code publishDvcMetrics} does on the agent. */
public final class WorkspaceReport {
    private WorkspaceReport() {}

    /**
     * Writes the bundle.
     *
     * @param workspace the DVC project (a git working tree)
     * @param baseline the baseline revision
     * @param reportDir the report directory, relative to the workspace ({@link ReportDirectory#normalise})
     * @param dvc what DVC printed, or {@code null} for gpu-train's own diffs
     * @return what the build keeps, the files relative to the workspace in path order
     * @throws IOException when the project cannot be read or the bundle cannot be written
     */
    public static PublishedReport write(Path workspace, String baseline, String reportDir, DvcOutput dvc)
            throws IOException {
        return write(workspace, baseline, reportDir, dvc, List.of());
    }

    /**
     * Writes the bundle and evaluates quality gates on it.
     *
     * @param workspace the DVC project (a git working tree)
     * @param baseline the baseline revision
     * @param reportDir the report directory, relative to the workspace ({@link ReportDirectory#normalise})
     * @param dvc what DVC printed, or {@code null} for gpu-train's own diffs
     * @param gates the quality gates
     * @return what the build keeps, the files relative to the workspace in path order, and the gates' results
     * @throws IOException when the project cannot be read or the bundle cannot be written
     */
    public static PublishedReport write(
            Path workspace, String baseline, String reportDir, DvcOutput dvc, List<QualityGate> gates)
            throws IOException {
        Path out = workspace.resolve(ReportDirectory.normalise(reportDir));
        ReportContent content;
        try (DvcRepository repository = DvcRepository.open(workspace, DataFileReader.DEFAULT_MAX_BYTES)) {
            content = new ExperimentReport(repository).write(baseline, out, dvc, gates);
        }
        List<String> files;
        try (Stream<Path> written = Files.walk(out)) {
            files = written.filter(Files::isRegularFile)
                    .map(file -> workspace.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        return PublishedReport.of(content, files);
    }
}
