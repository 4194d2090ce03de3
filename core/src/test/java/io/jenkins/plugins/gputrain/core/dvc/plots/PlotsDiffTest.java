package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plots diff} on a repository whose experiment diverged (infinite and NaN losses). */
class PlotsDiffTest {
    @TempDir
    Path root;

    @TempDir
    Path out;

    @BeforeEach
    void repository() throws Exception {
        Files.writeString(
                root.resolve("dvc.yaml"),
                "plots:\n- loss.csv:\n    x: step\n    y: loss\n- history.json:\n    y: acc\n- confusion.png\n");
        Files.write(root.resolve("confusion.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(root.resolve("loss.csv"), "step,loss\n0,1.0\n1,0.5\n");
        Files.writeString(root.resolve("history.json"), "[{\"acc\": 0.5}, {\"acc\": 0.6}]");
        MainCommit.of(root);
        Files.writeString(root.resolve("loss.csv"), "step,loss\n0,1.0\n1,inf\n2,nan\n3,-inf\n");
        Files.writeString(root.resolve("history.json"), "[{\"acc\": 0.5}, {\"acc\": Infinity}, {\"acc\": NaN}]");
    }

    @Test
    void divergedValuesAreLeftOutWithAWarningAndEveryPlotIsDrawn() throws Exception {
        PlotsDiff.Result result = write(List.of("main", "workspace"));

        assertThat(result.plots())
                .extracting(RenderedPlot::id)
                .containsExactly("loss.csv", "history.json", "confusion.png");
        assertThat(out.resolve("loss.csv.png")).isNotEmptyFile();
        assertThat(out.resolve("history.json.png")).isNotEmptyFile();
        assertThat(result.notDrawn())
                .containsExactly(
                        "plot 'loss.csv': workspace: 3 values not drawn (inf, -inf or nan)",
                        "plot 'history.json': workspace: 2 values not drawn (inf, -inf or nan)");
        assertThat(result.warning()).isEmpty();
    }

    @Test
    void aPlotFileBeyondTheSizeLimitIsOneErrorLineNamingItAndTheLimitAndTheOtherPlotsAreDrawn() throws Exception {
        Files.writeString(root.resolve("loss.csv"), "step,loss\n" + "0,1.0\n".repeat(200));

        PlotsDiff.Result result;
        try (DvcRepository repository = DvcRepository.open(root, 1000)) {
            result = new PlotsDiff(repository).write(List.of("main", "workspace"), out);
        }

        assertThat(result.refused())
                .containsExactly(
                        "loss.csv: workspace: 'loss.csv' is larger than 1000 bytes (limit 1000 bytes per file)");
        assertThat(result.plots()).extracting(RenderedPlot::id).contains("loss.csv", "history.json");
        assertThat(result.plots().get(0).series()).extracting(Series::revision).containsExactly("main");
    }

    @Test
    void imagesFollowTheGivenOrderBaselineFirst() throws Exception {
        assertThat(images(write(List.of("main", "workspace")))).containsExactly("main", "workspace");
        assertThat(images(write(List.of("workspace", "main")))).containsExactly("workspace", "main");
    }

    private static List<String> images(PlotsDiff.Result result) {
        return result.plots().get(2).images().stream()
                .map(RenderedPlot.Image::revision)
                .toList();
    }

    private PlotsDiff.Result write(List<String> revisions) throws Exception {
        try (DvcRepository repository = DvcRepository.open(root, 1 << 20)) {
            return new PlotsDiff(repository).write(revisions, out);
        }
    }

    private String svgOf(PlotsDiff.Result result) throws Exception {
        return Files.readString(
                out.resolve(result.plots().get(0).images().get(0).svg()));
    }
}
