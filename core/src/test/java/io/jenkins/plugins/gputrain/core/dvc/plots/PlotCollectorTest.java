package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.RevisionFiles;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which plots a revision defines and which data files each reads, as DVC's plot collection infers them. */
class PlotCollectorTest {
    @TempDir
    Path root;

    @Test
    void aFileDefinedTwiceReadsTheXFileOfItsEarlierDefinition() throws Exception {
        List<PlotSource> plots =
                collect("plots:\n  - m.csv: {x: {xs.csv: actual}, template: confusion}\n  - ./m.csv: {y: predicted}\n");

        assertThat(plots).singleElement().satisfies(plot -> {
            assertThat(plot.id()).isEqualTo("m.csv");
            assertThat(plot.files()).containsExactly("m.csv", "xs.csv");
            assertThat(plot.text("template", "")).isEqualTo("confusion");
            assertThat(plot.text("y", "")).isEqualTo("predicted");
        });
    }

    @Test
    void aFreeIdThatIsAlsoAFilesPathIsMergedWithThatFilesDefinition() throws Exception {
        List<PlotSource> plots = collect(
                "plots:\n  - ./n.csv: {template: confusion}\n  - n.csv: {x: {nx.csv: actual}, y: {n.csv: p}}\n");

        assertThat(plots).singleElement().satisfies(plot -> {
            assertThat(plot.files()).containsExactly("n.csv", "nx.csv");
            assertThat(plot.text("template", "")).isEqualTo("confusion");
        });
    }

    @Test
    void sourcesAreTheYFilesInsideTheRepositoryElseTheOwnFileAndTheFirstXFile() {
        Value y = new Value.Dict(Map.of("../out.csv", new Value.Str("a")));
        Value x = new Value.Dict(Map.of("xs.csv", new Value.Str("b")));

        assertThat(PlotCollector.sources("id", Map.of("y", y, "x", x))).containsExactly("xs.csv");
        assertThat(PlotCollector.sources("own.csv", Map.of("y", new Value.Str("a"))))
                .containsExactly("own.csv");
    }

    private List<PlotSource> collect(String dvcYaml) throws Exception {
        Files.writeString(root.resolve("dvc.yaml"), dvcYaml);
        try (DvcRepository repository = DvcRepository.open(root, DataFileReader.DEFAULT_MAX_BYTES)) {
            RevisionFiles files = repository.files(DvcRepository.WORKSPACE);
            return PlotCollector.collect(files.tree(), files.project());
        }
    }
}
