package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.report.MetricValue;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publishDvcMetrics on a real workspace built from the guide fixture (celestial-bodies, main vs the workspace). */
class PublishDvcMetricsTest {
    @TempDir
    Path directory;

    @Test
    void theAgentWritesTheBundleAndTheBuildArchivesEveryFileOfIt() throws IOException {
        Path workspace = guideWorkspace();

        PublishedReport report = new ReportCallable("main", "gpu-train", null).invoke(workspace.toFile(), null);

        assertThat(DvcMetricsPublication.artifacts(report))
                .containsKeys(
                        "gpu-train/report.md",
                        "gpu-train/report.html",
                        "gpu-train/metrics-diff.json",
                        "gpu-train/params-diff.json",
                        "gpu-train/metrics.json")
                .allSatisfy((path, name) -> {
                    assertThat(name).isEqualTo(path);
                    assertThat(workspace.resolve(path)).isRegularFile();
                });
    }

    @Test
    void theBuildActionShowsTheDiffAndKeepsTheNumbers() throws IOException {
        PublishedReport report = new ReportCallable("main", "gpu-train", null)
                .invoke(guideWorkspace().toFile(), null);

        DvcReportAction action = new DvcReportAction("gpu-train", report, null);

        assertThat(action.getUrlName()).isEqualTo("dvc-report");
        assertThat(action.getBaseline()).isEqualTo("main");
        assertThat(action.getNoBaseline()).isNull();
        assertThat(action.getMetricsHeaders()).containsExactly("Path", "Metric", "main", "workspace", "Change");
        assertThat(action.getMetricsRows()).isEqualTo(report.metrics().rows());
        assertThat(action.getParamsRows()).isEqualTo(report.params().rows());
        assertThat(action.getCurrentValues()).isEqualTo(report.currentValues());
        assertThat(action.getCurrentValues()).contains(new MetricValue("evaluation/metrics.json", "val_acc", 0.95));
        assertThat(action.getFiles()).isEqualTo(report.files());
        assertThat(action.getProjectActions()).as("no build attached yet").isEmpty();
    }

    @Test
    void noBaselineIsShownAndTheCurrentValuesArePublished() throws IOException {
        PublishedReport report = new ReportCallable("release-2", "gpu-train", null)
                .invoke(guideWorkspace().toFile(), null);

        DvcReportAction action = new DvcReportAction("gpu-train", report, null);

        assertThat(action.getNoBaseline()).isEqualTo("unknown Git revision 'release-2'");
        assertThat(action.getMetricsRows()).isEmpty();
        assertThat(action.getCurrentValues()).hasSize(5);
    }

    @Test
    void aMalformedMetricsFileIsInTheReportAndCountsAsUnreadableMetrics() throws IOException {
        Path workspace = guideWorkspace();
        Files.writeString(workspace.resolve("evaluation/metrics.json"), "{\"val_acc\": ");

        PublishedReport report = new ReportCallable("main", "gpu-train", null).invoke(workspace.toFile(), null);

        assertThat(report.hasUnreadableMetrics()).isTrue();
        assertThat(new DvcReportAction("gpu-train", report, null).getDetails())
                .anyMatch(line -> line.startsWith("workspace: evaluation/metrics.json: JSONFileCorruptedError"));
        assertThat(Files.readString(workspace.resolve("gpu-train/report.md"))).contains("## Warnings");
    }

    @Test
    void theActionIsSavedAndLoadedAsJenkinsDoesWithPlainTypesOnly() throws IOException {
        DvcReportAction action = new DvcReportAction(
                "gpu-train",
                new ReportCallable("main", "gpu-train", null)
                        .invoke(guideWorkspace().toFile(), null),
                null);
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {DvcReportAction.class});

        String xml = xstream.toXML(action);
        DvcReportAction loaded = (DvcReportAction) xstream.fromXML(xml);

        assertThat(loaded.getMetricsRows()).isEqualTo(action.getMetricsRows());
        assertThat(loaded.getCurrentValues()).isEqualTo(action.getCurrentValues());
        assertThat(loaded.getFiles()).isEqualTo(action.getFiles());
        assertThat(xml).doesNotContain("fabric8", "record", "Immutable");
        Set<Class<?>> allowed = Set.of(String.class, ArrayList.class, boolean.class);
        for (Field field : DvcReportAction.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                assertThat(field.getType()).as(field.getName()).isIn(allowed);
            }
        }
    }

    @Test
    void trendChartsAreInlinePngsPerMetric() throws IOException {
        Map<Integer, List<MetricValue>> builds = new TreeMap<>();
        builds.put(7, List.of(new MetricValue("m.json", "acc", 0.5)));
        builds.put(8, List.of(new MetricValue("m.json", "acc", 0.75), new MetricValue("m.json", "loss", 0.2)));

        List<TrendChart> charts = TrendChart.of(builds);

        assertThat(charts).extracting(TrendChart::getTitle).containsExactly("m.json: acc", "m.json: loss");
        for (TrendChart chart : charts) {
            assertThat(chart.getImage()).startsWith("data:image/png;base64,");
            byte[] png = Base64.getDecoder().decode(chart.getImage().substring("data:image/png;base64,".length()));
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }

    @Test
    void theStepDefaultsToMainAndGpuTrainAndKeepsItsArguments() {
        DvcMetricsRecorder step = new DvcMetricsRecorder();

        assertThat(step.getBaseline()).isEqualTo("main");
        assertThat(step.getReportDir()).isEqualTo("gpu-train");
        assertThat(step.isFailOnMissing()).isFalse();
        assertThat(step.getEngine()).isEqualTo("auto");
        step.setBaseline("develop");
        step.setReportDir("reports");
        step.setFailOnMissing(true);
        assertThat(step.getBaseline()).isEqualTo("develop");
        assertThat(step.getReportDir()).isEqualTo("reports");
        assertThat(step.isFailOnMissing()).isTrue();
    }

    private Path guideWorkspace() throws IOException {
        return FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"));
    }
}
