package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
import io.jenkins.plugins.gputrain.core.dvc.RealDvcExtension;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.generated.DifferentialSeed;
import io.jenkins.plugins.gputrain.core.dvc.generated.PlotRepositoryGenerator;
import io.jenkins.plugins.gputrain.core.dvc.render.DvcJsonAdapter;
import io.jenkins.plugins.gputrain.core.dvc.render.DvcPlot;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What gpu-train draws for {@code plots diff main} against {@code dvc plots diff main --json}: per data plot its
 * title and, per revision, the x and y of every point DVC would draw; per image plot its revisions.
 */
@ExtendWith(RealDvcExtension.class)
class DvcPlotsDifferentialTest {
    private static final int GENERATED = 24;

    @TempDir
    Path directory;

    @Test
    void guideFixtures(RealDvc dvc) throws Exception {
        List<String> differences = new ArrayList<>();
        for (String project : List.of("celestial-bodies", "sklearn-2023")) {
            Path repository =
                    FixtureRepository.create(project, directory.resolve(project), Set.of("evaluation/metrics.json"));
            differences.addAll(compare(dvc, repository, project));
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void generatedRepositories(RealDvc dvc) throws Exception {
        long seed = DifferentialSeed.current();
        PlotRepositoryGenerator generator = new PlotRepositoryGenerator(seed);
        List<String> differences = new ArrayList<>();
        for (int index = 0; index < GENERATED; index++) {
            Path repository = generator.create(directory.resolve("plots-" + index), index);
            differences.addAll(compare(dvc, repository, "plots-" + index));
        }
        System.out.println("DVC plots differential: seed " + seed + ", " + GENERATED + " generated repositories, "
                + differences.size() + " differences");
        assertThat(differences).as("seed " + seed).isEmpty();
    }

    private static List<String> compare(RealDvc dvc, Path repository, String name) throws Exception {
        RealDvc.Result result = dvc.run(repository, List.of("plots", "diff", "main", "--json"));
        assertThat(result.exitCode()).as(name + ": " + result.err()).isZero();
        List<DvcPlot> expected = new DvcJsonAdapter().plots(result.out());
        PlotsDiff.Result actual;
        try (DvcRepository repo = DvcRepository.open(repository, DataFileReader.DEFAULT_MAX_BYTES)) {
            actual = new PlotsDiff(repo)
                    .write(List.of("main", DvcRepository.WORKSPACE), Files.createTempDirectory(repository, "out"));
        }
        List<String> differences = new ArrayList<>();
        for (DvcPlot plot : expected) {
            Optional<RenderedPlot> drawn = actual.plots().stream()
                    .filter(candidate -> candidate.id().equals(plot.id()))
                    .findFirst();
            String where = name + ": " + plot.id();
            if (drawn.isEmpty()) {
                differences.add(where + ": not drawn");
            } else if (plot.image()) {
                if (drawn.get().images().stream()
                        .noneMatch(image -> plot.revisions().contains(image.revision()))) {
                    differences.add(where + ": image revisions " + plot.revisions());
                }
            } else {
                compareData(plot, drawn.get(), where, differences);
            }
        }
        List<String> dvcIds = expected.stream().map(DvcPlot::id).toList();
        actual.plots().stream()
                .map(RenderedPlot::id)
                .filter(id -> !dvcIds.contains(id))
                .forEach(id -> differences.add(name + ": " + id + ": drawn, DVC has no such plot"));
        return differences;
    }

    private static void compareData(DvcPlot plot, RenderedPlot drawn, String where, List<String> differences) {
        if (!plot.title().equals(drawn.title())) {
            differences.add(where + ": title '" + drawn.title() + "', DVC '" + plot.title() + "'");
        }
        // The same revisions; not their order: gpu-train keeps the order given (the baseline first), DVC moves the
        // workspace first (a documented divergence, docs/dvc-reports.md).
        List<String> revisions = drawn.series().stream().map(Series::revision).toList();
        if (!revisions.stream()
                .sorted()
                .toList()
                .equals(plot.revisions().stream().sorted().toList())) {
            differences.add(where + ": revisions " + revisions + ", DVC " + plot.revisions());
            return;
        }
        for (Series series : drawn.series()) {
            List<String> expected = new ArrayList<>();
            for (Map<String, Value> point : plot.datapoints()) {
                if (series.revision().equals(point.get("rev").str())) {
                    expected.add(text(point.get(plot.x())) + " " + text(point.get(plot.y())));
                }
            }
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < series.x().size(); i++) {
                actual.add(text(series.x().get(i)) + " " + text(series.y().get(i)));
            }
            if (!actual.equals(expected)) {
                differences.add(where + " (" + series.revision() + "): points " + actual + ", DVC " + expected);
            }
        }
    }

    /**
     * Numbers by value (DVC keeps CSV cells as text), anything else as its text; a field a row lacks (DVC's rows keep
     * only the keys read) and a {@code None} (gpu-train's series) both draw no point.
     */
    private static String text(Value value) {
        if (value == null || value instanceof Value.None) {
            return "(none)";
        }
        try {
            return String.valueOf(Double.parseDouble(value.str()));
        } catch (NumberFormatException e) {
            return value.str();
        }
    }
}
