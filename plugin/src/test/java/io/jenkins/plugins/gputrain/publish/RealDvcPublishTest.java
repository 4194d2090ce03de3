package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
import io.jenkins.plugins.gputrain.core.dvc.RealDvcExtension;
import io.jenkins.plugins.gputrain.core.report.DvcOutput;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import io.jenkins.plugins.gputrain.core.report.ReportEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * publishDvcMetrics' DVC engine with the real DVC 3.67.1 in the workspace, started as inside {@code container('dvc')}
 * (stderr mixed into stdout): the report from DVC's own diffs has the tables of the built-in engine.
 */
@ExtendWith(RealDvcExtension.class)
class RealDvcPublishTest {
    @TempDir
    Path directory;

    @Test
    void theDvcEngineInTheContainerGivesTheBuiltInEnginesTables(RealDvc dvc) throws Exception {
        Path workspace = FixtureRepository.create(
                "celestial-bodies", directory.resolve("workspace"), Set.of("evaluation/metrics.json"));
        LocalProcCommands container = new LocalProcCommands(
                        workspace,
                        LocalProcCommands.agentPathWith(
                                directory.resolve("bin"),
                                "sh",
                                "git",
                                dvc.executable().toString()))
                .inContainer();
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        Optional<DvcOutput> output = new DvcCommands(container, new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(ReportEngine.DVC, "main");

        assertThat(output).isPresent();
        assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("[gpu-train] computing the diffs with 3.67.1");
        PublishedReport fromDvc =
                new ReportCallable("main", "gpu-train-dvc", output.get()).invoke(workspace.toFile(), null);
        PublishedReport builtIn = new ReportCallable("main", "gpu-train", null).invoke(workspace.toFile(), null);
        assertThat(fromDvc.metrics()).isEqualTo(builtIn.metrics());
        assertThat(fromDvc.params()).isEqualTo(builtIn.params());
        assertThat(fromDvc.currentValues()).isEqualTo(builtIn.currentValues());
    }
}
