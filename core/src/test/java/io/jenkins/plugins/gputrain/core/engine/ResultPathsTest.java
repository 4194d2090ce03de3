package io.jenkins.plugins.gputrain.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.repo.DvcProject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultPathsTest {
    @Test
    void listsTheLockFileAndEveryDeclaredMetricParamAndPlotOnce() {
        DvcProject project = new DvcProject(
                List.of(new DvcProject.Output("eval/metrics.json", false, Map.of())),
                List.of("eval/metrics.json", "summary.json"),
                List.of(new DvcProject.ParamsDependency("params.yaml", List.of("train.lr"))),
                List.of("extra.toml"),
                List.of(new DvcProject.Output("eval/prc.csv", false, Map.of())),
                List.of(new DvcProject.PlotDefinition("eval/roc.json", "eval/roc.json", Map.of())),
                Map.of(),
                List.of(new DvcProject.ParamsDependency("params.yaml", List.of("seed"))));

        assertThat(ResultPaths.of(project))
                .containsExactly(
                        "dvc.lock",
                        "eval/metrics.json",
                        "eval/prc.csv",
                        "eval/roc.json",
                        "extra.toml",
                        "params.yaml",
                        "summary.json");
    }

    @Test
    void aProjectWithoutDeclarationsBringsBackTheLockFile() {
        DvcProject empty =
                new DvcProject(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());

        assertThat(ResultPaths.of(empty)).containsExactly("dvc.lock");
    }
}
