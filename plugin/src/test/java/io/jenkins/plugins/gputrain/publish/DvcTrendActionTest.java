package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import io.jenkins.plugins.gputrain.core.report.MetricValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job page's trend walk: bounded by the trend length in builds looked at, not in reports found. */
class DvcTrendActionTest {
    @TempDir
    Path directory;

    @Test
    void aLongHistoryWithFewReportsLoadsOnlyTheTrendLengthOfBuilds() throws IOException {
        DvcReportAction report = new DvcReportAction(
                "gpu-train",
                new ReportCallable("main", "gpu-train", null)
                        .invoke(
                                FixtureRepository.create(
                                                "celestial-bodies", directory, Set.of("evaluation/metrics.json"))
                                        .toFile(),
                                null),
                null);
        AtomicInteger loaded = new AtomicInteger();
        Stream<DvcTrendAction.BuildReport> history = Stream.iterate(1000, number -> number > 0, number -> number - 1)
                .peek(number -> loaded.incrementAndGet())
                .map(number -> new DvcTrendAction.BuildReport(number, number == 990 || number == 3 ? report : null));

        Map<Integer, List<MetricValue>> reports = DvcTrendAction.reports(history, 20);

        assertThat(reports).containsOnlyKeys(990);
        assertThat(reports.get(990)).isEqualTo(report.getCurrentValues());
        assertThat(loaded).as("builds loaded").hasValue(20);
    }

    @Test
    void aBuildWithParallelReportsIsTrendedByItsReportInTheDefaultDirectory() {
        DvcReportAction vit = report("gpu-train/vit", 0.7);
        DvcReportAction main = report("gpu-train", 0.9);

        Map<Integer, List<MetricValue>> reports =
                DvcTrendAction.reports(Stream.of(DvcTrendAction.BuildReport.of(7, List.of(vit, main))), 20);

        assertThat(reports).containsExactly(Map.entry(7, main.getCurrentValues()));
        assertThat(DvcTrendAction.BuildReport.of(8, List.of(vit)).report()).isNull();
    }

    private static DvcReportAction report(String reportDir, double acc) {
        return TestReports.action(
                reportDir,
                List.of(new MetricValue("evaluation/metrics.json", "acc", acc)),
                new QualityGateReport(List.of()));
    }
}
