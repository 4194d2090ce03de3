package io.jenkins.plugins.gputrain.bench;

import io.jenkins.plugins.gputrain.core.dvc.diff.DiffEngine;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.MetricsFilter;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffTable;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same metrics in JSON and in YAML, side by side: two files with {@link #keys} numbers each read, diffed and
 * rendered as {@code metrics diff} does ({@code read} alone isolates the parser).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 10, time = 2)
@Fork(3)
public class MetricsFormatBenchmarks {
    @Param({"json", "yaml"})
    public String format;

    @Param({"100000"})
    public int keys;

    private final DataFileReader reader = new DataFileReader();
    private String path;
    private byte[] oldMetrics;
    private byte[] newMetrics;

    /** Builds the two files once. */
    @Setup(Level.Trial)
    public void setUp() {
        path = "metrics." + format;
        oldMetrics = content(0.0);
        newMetrics = content(0.5);
    }

    private byte[] content(double offset) {
        String text = format.equals("json")
                ? BenchRepositories.metrics(keys, offset)
                : BenchRepositories.metricsYaml(keys, offset);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads one file. */
    @Benchmark
    public Object read() throws UnreadableFileException {
        return reader.read(path, newMetrics);
    }

    /** Reads both files, diffs and renders them as plain text. */
    @Benchmark
    public String diff() throws UnreadableFileException {
        RevisionData old = RevisionData.of(
                "HEAD", Map.of(path, new FileResult.Data(MetricsFilter.extract(reader.read(path, oldMetrics)))));
        RevisionData current = RevisionData.of(
                "workspace", Map.of(path, new FileResult.Data(MetricsFilter.extract(reader.read(path, newMetrics)))));
        List<FileDifferences> files = new DiffEngine().diff(old, current, false);
        return TableFormat.PLAIN.render(
                DiffTable.of(files, DiffKind.METRICS, "HEAD", "workspace", true, null, TableFormat.PLAIN));
    }
}
