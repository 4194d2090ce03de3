package io.jenkins.plugins.gputrain.bench;

import io.jenkins.plugins.gputrain.core.dvc.DiffOutcome;
import io.jenkins.plugins.gputrain.core.dvc.DvcDiff;
import io.jenkins.plugins.gputrain.core.dvc.diff.DiffEngine;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.MetricsFilter;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.plots.PlotRenderer;
import io.jenkins.plugins.gputrain.core.dvc.plots.Series;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffTable;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's costs: the guide project's metrics and params diff (JGit repository, cached metrics), a 10k-key
 * metrics file read and diffed, and a 100k-point plot drawn to PNG and SVG.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 10, time = 2)
@Fork(3)
public class EngineBenchmarks {
    private Path guide;
    private DvcRepository repository;
    private byte[] metricsOld;
    private byte[] metricsNew;
    private List<Series> plot;
    private final DataFileReader reader = new DataFileReader();

    /** Builds the inputs once. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        guide = Files.createTempDirectory("gpu-train-bench");
        Path fixture = Path.of(System.getProperty("fixture", "core/src/test/resources/mlops-guide-fixture"))
                .resolve("celestial-bodies");
        BenchRepositories.copy(fixture.resolve("main"), guide);
        BenchRepositories.commit(guide);
        BenchRepositories.copy(fixture.resolve("workspace"), guide);
        repository = DvcRepository.open(guide, DataFileReader.DEFAULT_MAX_BYTES);
        metricsOld = BenchRepositories.metrics(10_000, 0.0).getBytes(StandardCharsets.UTF_8);
        metricsNew = BenchRepositories.metrics(10_000, 0.5).getBytes(StandardCharsets.UTF_8);
        List<Value> x = new ArrayList<>();
        List<Value> y = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            x.add(Value.Int.of(i));
            y.add(new Value.Float(Math.sin(i / 1000.0) + i / 100_000.0));
        }
        plot = List.of(new Series("workspace", "workspace", x, y));
    }

    /** Removes the temporary repository. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        repository.close();
        try (Stream<Path> files = Files.walk(guide)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** {@code metrics diff main} plus {@code params diff main} on the guide project, rendered as Markdown. */
    @Benchmark
    public String guideProjectDiff() throws Exception {
        DvcDiff diff = new DvcDiff(repository);
        DiffOutcome metrics = diff.metrics("main", DvcRepository.WORKSPACE, List.of(), false);
        DiffOutcome params = diff.params("main", DvcRepository.WORKSPACE, List.of(), false, false);
        return TableFormat.MARKDOWN.render(DiffTable.of(
                        metrics.files(), DiffKind.METRICS, "main", "workspace", true, null, TableFormat.MARKDOWN))
                + TableFormat.MARKDOWN.render(DiffTable.of(
                        params.files(), DiffKind.PARAMS, "main", "workspace", true, null, TableFormat.MARKDOWN));
    }

    /** Parse two 10k-key JSON metrics files, diff and render them. */
    @Benchmark
    public String tenThousandKeyMetrics() throws Exception {
        RevisionData old = RevisionData.of(
                "HEAD",
                Map.of("m.json", new FileResult.Data(MetricsFilter.extract(reader.read("m.json", metricsOld)))));
        RevisionData current = RevisionData.of(
                "workspace",
                Map.of("m.json", new FileResult.Data(MetricsFilter.extract(reader.read("m.json", metricsNew)))));
        List<FileDifferences> files = new DiffEngine().diff(old, current, false);
        return TableFormat.PLAIN.render(
                DiffTable.of(files, DiffKind.METRICS, "HEAD", "workspace", true, null, TableFormat.PLAIN));
    }

    /** Draw a 100k-point line plot to PNG and SVG. */
    @Benchmark
    public int hundredThousandPointPlot() throws IOException {
        PlotRenderer.Drawing drawing = new PlotRenderer().draw("linear", "loss", "step", "loss", plot);
        return drawing.png().length + drawing.svg().length;
    }
}
