package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.dvc.DiffOutcome;
import io.jenkins.plugins.gputrain.core.dvc.DvcDiff;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.plots.PlotsDiff;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffTable;
import io.jenkins.plugins.gputrain.core.dvc.render.MetricsShow;
import io.jenkins.plugins.gputrain.core.dvc.render.PythonJson;
import io.jenkins.plugins.gputrain.core.dvc.render.Table;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import io.jenkins.plugins.gputrain.core.gate.GateJson;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.gate.QualityGateEvaluator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report bundle of one training run: the workspace against a baseline revision, written as {@code report.md}
 * (CML style: params diff, metrics diff, plots), {@code report.html} (self-contained), {@code metrics-diff.json},
 * {@code params-diff.json} (DVC's {@code --json}), {@code metrics.json} (DVC's {@code metrics show --json}),
 * {@code plots/…} and, with quality gates, {@code quality-gates.json}. Same inputs give the same bytes.
 */
public final class ExperimentReport {
    /** The bundle's files, relative to its directory. */
    public static final List<String> FILES =
            List.of("report.md", "report.html", "metrics-diff.json", "params-diff.json", "metrics.json");

    /** The bundle's file of quality gate results, written when there are gates. */
    public static final String GATES_FILE = "quality-gates.json";

    private final DvcRepository repository;

    /** A report over a repository. */
    public ExperimentReport(DvcRepository repository) {
        this.repository = repository;
    }

    /**
     * Writes the bundle. A baseline that does not resolve (a shallow clone, a new repository) is not an error: the
     * report then shows the current values and says there is no baseline.
     *
     * @param baseline the baseline revision, e.g. {@code main}
     * @param out the directory to write into (created)
     * @return what the report holds
     * @throws IOException when the repository cannot be read or the bundle cannot be written
     */
    public ReportContent write(String baseline, Path out) throws IOException {
        return write(baseline, out, null);
    }

    /**
     * Writes the bundle from what DVC printed ({@link DvcOutput}) instead of gpu-train's own diffs; plots are drawn
     * from the repository as usual.
     *
     * @param baseline the baseline revision DVC compared with
     * @param out the directory to write into (created)
     * @param dvc DVC's output, or {@code null} for gpu-train's own diffs
     * @return what the report holds
     * @throws IOException when DVC's output is not what its commands print, the repository cannot be read or the
     *     bundle cannot be written
     */
    public ReportContent write(String baseline, Path out, DvcOutput dvc) throws IOException {
        return write(baseline, out, dvc, List.of());
    }

    /**
     * Writes the bundle and evaluates quality gates on its metrics: their results are in {@code report.md},
     * {@code report.html} and, when there are gates, {@code quality-gates.json}.
     *
     * @param baseline the baseline revision
     * @param out the directory to write into (created)
     * @param dvc DVC's output, or {@code null} for gpu-train's own diffs
     * @param gates the quality gates, in the order to report them
     * @return what the report holds
     * @throws IOException when DVC's output is not what its commands print, the repository cannot be read or the
     *     bundle cannot be written
     */
    public ReportContent write(String baseline, Path out, DvcOutput dvc, List<QualityGate> gates) throws IOException {
        Files.createDirectories(out);
        String current = DvcRepository.WORKSPACE;
        Optional<String> noBaseline = Optional.empty();
        DiffOutcome params;
        DiffOutcome metrics;
        PlotsDiff.Result plots;
        RevisionData currentMetrics;
        try {
            if (dvc != null) {
                currentMetrics = dvc.currentMetrics();
                params = dvc.params();
                metrics = dvc.metrics();
                plots = new PlotsDiff(repository).write(List.of(baseline, current), out.resolve("plots"));
            } else {
                currentMetrics = repository.metrics(current, List.of());
                try {
                    DvcDiff diff = new DvcDiff(repository);
                    params = diff.params(baseline, current, List.of(), false, false);
                    metrics = diff.metrics(baseline, current, List.of(), false);
                    plots = new PlotsDiff(repository).write(List.of(baseline, current), out.resolve("plots"));
                } catch (UnknownRevisionException e) {
                    noBaseline = Optional.of(e.getMessage());
                    params = DiffOutcome.empty();
                    metrics = DiffOutcome.empty();
                    plots = new PlotsDiff(repository).write(List.of(current), out.resolve("plots"));
                }
            }
        } catch (UnknownRevisionException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        params.warning("params").ifPresent(warnings::add);
        metrics.warning("metrics").ifPresent(warnings::add);
        plots.warning().ifPresent(warnings::add);
        warnings.addAll(plots.notDrawn());
        plots.refused().forEach(line -> warnings.add("ERROR: " + line));
        ReportContent content = new ReportContent(
                baseline,
                current,
                noBaseline.orElse(null),
                table(params, DiffKind.PARAMS, baseline, current),
                table(metrics, DiffKind.METRICS, baseline, current),
                MetricsShow.table(List.of(currentMetrics), false, null, TableFormat.MARKDOWN),
                plots.plots(),
                warnings,
                details(params, metrics, currentMetrics, plots),
                metricsDetails(metrics, currentMetrics),
                MetricValue.of(currentMetrics),
                new QualityGateEvaluator(
                                noBaseline.isEmpty(), metrics.files(), baselineMetrics(metrics), currentMetrics)
                        .evaluate(gates));
        write(out.resolve("report.md"), new MarkdownReport().render(content));
        write(out.resolve("report.html"), new HtmlReport().render(content));
        write(out.resolve("metrics-diff.json"), PythonJson.diff(metrics.files()) + "\n");
        write(out.resolve("params-diff.json"), PythonJson.diff(params.files()) + "\n");
        write(out.resolve("metrics.json"), MetricsShow.json(List.of(currentMetrics)) + "\n");
        if (!content.gates().isEmpty()) {
            write(out.resolve(GATES_FILE), GateJson.of(content.gates()) + "\n");
        }
        return content;
    }

    /** What the diff read for the baseline (the revision that is not the workspace); none when DVC diffed. */
    private static RevisionData baselineMetrics(DiffOutcome metrics) {
        return metrics.revisions().stream()
                .filter(revision -> !revision.name().equals(DvcRepository.WORKSPACE))
                .findFirst()
                .orElse(RevisionData.of("baseline", Map.of()));
    }

    private static Table table(DiffOutcome outcome, DiffKind kind, String baseline, String current) {
        return DiffTable.of(outcome.files(), kind, baseline, current, true, null, TableFormat.MARKDOWN);
    }

    private static List<String> details(
            DiffOutcome params, DiffOutcome metrics, RevisionData currentMetrics, PlotsDiff.Result plots) {
        List<RevisionData> revisions = new ArrayList<>(params.revisions());
        revisions.addAll(metrics.revisions());
        revisions.add(currentMetrics);
        List<String> details = new ArrayList<>(details(revisions));
        plots.errors().stream().filter(e -> !details.contains(e)).forEach(details::add);
        return details;
    }

    private static List<String> metricsDetails(DiffOutcome metrics, RevisionData currentMetrics) {
        List<RevisionData> revisions = new ArrayList<>(metrics.revisions());
        revisions.add(currentMetrics);
        return details(revisions);
    }

    /** One line per unreadable file or revision, without repeats. */
    private static List<String> details(List<RevisionData> revisions) {
        List<String> details = new ArrayList<>();
        for (RevisionData revision : revisions) {
            revision.optionalError()
                    .ifPresent(e -> details.add(revision.name() + ": " + e.type() + ": " + e.message()));
            revision.files().forEach((path, result) -> {
                if (result instanceof FileResult.Failure failure) {
                    details.add(revision.name() + ": " + path + ": " + failure.type() + ": " + failure.message());
                }
            });
        }
        return details.stream().distinct().toList();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
