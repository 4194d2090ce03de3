package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.gate.BuildOutcome;
import io.jenkins.plugins.gputrain.core.report.CheckState;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import io.jenkins.plugins.gputrain.core.report.PullRequestCheck;
import io.jenkins.plugins.gputrain.core.report.ReportEngine;
import io.jenkins.plugins.gputrain.pipeline.GateStageMark;
import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole publication into a recording build, on the guide fixture (celestial-bodies: val_acc 0.57333 → 0.95,
 * val_loss 1.33433 → 0.20603): the build's result and the check's states per gate criticality; a check in progress
 * from the start and completed also when publishing fails or is aborted; parallel publications keep their own reports.
 */
class DvcMetricsPublicationTest {
    private static final String PASSES = "evaluation/metrics.json:val_acc";
    private static final String LOSS = "evaluation/metrics.json:val_loss";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream logger = new PrintStream(console, true, StandardCharsets.UTF_8);
    private final TaskListener listener = new TaskListener() {
        @Override
        public PrintStream getLogger() {
            return logger;
        }

        @Override
        public void hyperlink(String url, String text) {
            logger.print(text + " <" + url + ">");
        }
    };
    private final RecordingBuild build = new RecordingBuild();
    private final List<PullRequestCheck> checks = new ArrayList<>();
    private final PullRequestChecks checksApi = new PullRequestChecks(
            DvcMetricsPublicationTest.class.getClassLoader(), (run, l, check) -> checks.add(check));

    @Test
    void passedGatesLeaveTheResultAndTheCheckGoesFromInProgressToSuccess() throws Exception {
        publication("gpu-train", gate(PASSES, "0.3", "failure")).publish(build, listener, fixture(), checksApi);

        assertThat(build.outcome).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(checks)
                .extracting(PullRequestCheck::state)
                .containsExactly(CheckState.IN_PROGRESS, CheckState.SUCCESS);
        assertThat(build.archived).containsKey("gpu-train/report.md");
        assertThat(text()).contains("DVC report </job/ml/3/dvc-report/>");
    }

    @Test
    void anUnstableGateMakesTheBuildUnstableAndTheCheckAFailure() throws Exception {
        publication("gpu-train", gate(PASSES, "0.3", "failure"), gate(LOSS, "0", "unstable"))
                .publish(build, listener, fixture(), checksApi);

        assertThat(build.outcome).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(checks)
                .extracting(PullRequestCheck::state)
                .containsExactly(CheckState.IN_PROGRESS, CheckState.FAILURE);
        assertThat(checks.get(1).summary()).startsWith("## Quality gates: unstable\n");
    }

    @Test
    void aFailedGateOfCriticalityFailureFailsTheBuildAndTheCheck() throws Exception {
        publication("gpu-train", gate(LOSS, "0", "unstable"), gate(PASSES, "0.9", "failure"))
                .publish(build, listener, fixture(), checksApi);

        assertThat(build.outcome).isEqualTo(BuildOutcome.FAILURE);
        assertThat(checks)
                .extracting(PullRequestCheck::state)
                .containsExactly(CheckState.IN_PROGRESS, CheckState.FAILURE);
        assertThat(text()).contains("[gpu-train] Quality gates: failed (1 failed, 1 unstable, 0 passed)\n");
    }

    @Test
    void anAbortedPublicationCompletesTheCheckAsCanceledAndStillThrows() {
        DvcMetricsPublication publication = publication("gpu-train");

        assertThatThrownBy(() -> publication.publish(
                        build,
                        listener,
                        (revision, dir, diffs, gates) -> {
                            throw new InterruptedException();
                        },
                        checksApi))
                .isInstanceOf(InterruptedException.class);
        assertThat(checks)
                .extracting(PullRequestCheck::state)
                .containsExactly(CheckState.IN_PROGRESS, CheckState.CANCELED);
        assertThat(checks.get(1).summary())
                .isEqualTo("DVC report not published: the build was aborted: publishing was interrupted\n");
        assertThat(build.reports).isEmpty();
    }

    @Test
    void anAbortWhileDvcIsStartedInTheContainerCompletesTheCheckAsCanceled() {
        DvcMetricsPublication publication = publication("gpu-train");
        WorkspaceCommands container = (command, stdout, stderr) -> {
            throw new InterruptedIOException("interrupted while waiting for websocket connection");
        };

        assertThatThrownBy(() -> publication.publish(
                        build,
                        listener,
                        (revision, dir, diffs, gates) -> {
                            new DvcCommands(container, logger).run(ReportEngine.AUTO, revision.name());
                            throw new AssertionError("the abort did not stop the publication");
                        },
                        checksApi))
                .isInstanceOf(InterruptedException.class);
        assertThat(checks)
                .extracting(PullRequestCheck::state)
                .containsExactly(CheckState.IN_PROGRESS, CheckState.CANCELED);
        assertThat(text()).doesNotContain("using gpu-train's own engine");
    }

    @Test
    void aFailedPublicationCompletesTheCheckAsAFailureWithItsReasonOnOneLine() {
        DvcMetricsPublication publication = publication("gpu-train");

        assertThatThrownBy(() -> publication.publish(
                        build,
                        listener,
                        (revision, dir, diffs, gates) -> {
                            throw new AbortException("[gpu-train] git fetch origin main failed\n  exit 128");
                        },
                        checksApi))
                .isInstanceOf(AbortException.class);
        assertThat(checks)
                .extracting(PullRequestCheck::state)
                .containsExactly(CheckState.IN_PROGRESS, CheckState.FAILURE);
        assertThat(checks.get(1).summary())
                .isEqualTo("DVC report not published: [gpu-train] git fetch origin main failed exit 128\n");
    }

    @Test
    void badArgumentsCompleteTheCheckAsAFailureNamingTheArgument() {
        DvcMetricsPublication publication =
                new DvcMetricsPublication("main", "../out", "auto", false, List.of(), "DVC metrics", false);

        assertThatThrownBy(() -> publication.publish(build, listener, fixture(), checksApi))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[gpu-train] publishDvcMetrics: reportDir '../out'");
        assertThat(checks.get(1).state()).isEqualTo(CheckState.FAILURE);
        assertThat(checks.get(1).summary()).contains("reportDir '../out'");
    }

    @Test
    void aFailingChecksPublisherNeverFailsTheBuild() throws Exception {
        PullRequestChecks failing =
                new PullRequestChecks(DvcMetricsPublicationTest.class.getClassLoader(), (run, l, check) -> {
                    throw new IllegalStateException("GitHub: 502");
                });

        publication("gpu-train", gate(PASSES, "0.3", "failure")).publish(build, listener, fixture(), failing);

        assertThat(build.outcome).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(build.reports).hasSize(1);
        assertThat(text()).contains("[gpu-train] DVC metrics check not published: GitHub: 502\n");
    }

    @Test
    void twoInterleavedPublicationsEachKeepTheirReportAndMarkTheirOwnStage() throws Exception {
        DvcMetricsPublication failingA = publication("gpu-train/a", gate(PASSES, "0.9", "failure"));
        DvcMetricsPublication passingB = publication("gpu-train/b", gate(PASSES, "0.3", "failure"));
        DvcMetricsPublication.WorkspaceReportWriter fixtureA = fixture();
        DvcMetricsPublication.WorkspaceReportWriter fixtureB = fixture("b");

        // A writes its report, then B publishes entirely, then A attaches its own: as parallel branches interleave
        failingA.publish(
                build,
                listener,
                (revision, dir, diffs, gates) -> {
                    PublishedReport report = fixtureA.write(revision, dir, diffs, gates);
                    passingB.publish(build, listener, fixtureB, checksApi);
                    return report;
                },
                checksApi);

        assertThat(build.reports)
                .extracting(DvcReportAction::getReportDir)
                .containsExactly("gpu-train/b", "gpu-train/a");
        assertThat(build.reports)
                .extracting(DvcReportAction::getUrlName)
                .containsExactly("dvc-report-gpu-train~b", "dvc-report-gpu-train~a");
        assertThat(GateStageMark.of(build.reports, "gpu-train/a").fails()).isTrue();
        assertThat(GateStageMark.of(build.reports, "gpu-train/b")).isNull();
        assertThat(checks)
                .extracting(PullRequestCheck::state)
                .containsExactly(
                        CheckState.IN_PROGRESS, CheckState.IN_PROGRESS, CheckState.SUCCESS, CheckState.FAILURE);
        assertThat(checks.get(3).detailsUrl()).isEqualTo("https://ci.example.com/job/ml/3/dvc-report-gpu-train~a/");
        assertThat(build.outcome).isEqualTo(BuildOutcome.FAILURE);
    }

    @Test
    void aSecondPublicationIntoTheSameDirectoryReplacesTheFirstAndSaysSo() throws Exception {
        publication("gpu-train", gate(PASSES, "0.9", "failure")).publish(build, listener, fixture(), checksApi);
        publication("gpu-train").publish(build, listener, fixture("again"), checksApi);

        assertThat(build.reports).singleElement().satisfies(report -> assertThat(report.getGateStatus())
                .isNull());
        assertThat(text())
                .contains("[gpu-train] this build's earlier report in gpu-train is replaced by this one (give parallel"
                        + " publications each their own reportDir)\n")
                .doesNotContain("has the name of");
    }

    @Test
    void twoPublicationsHandingOverOneCheckNameSaySoOnce() throws Exception {
        publication("gpu-train/a").publish(build, listener, fixture(), checksApi);
        publication("gpu-train/b").publish(build, listener, fixture("b"), checksApi);

        assertThat(build.reports)
                .extracting(DvcReportAction::getCheckName)
                .containsExactly("DVC metrics", "DVC metrics");
        assertThat(text())
                .containsOnlyOnce(
                        "[gpu-train] check 'DVC metrics' of gpu-train/b has the name of gpu-train/a's check in"
                                + " this build: a pull request shows one check per name, the later one (give each publication"
                                + " its own checksName)\n");
    }

    @Test
    void publicationsWithTheirOwnCheckNamesOrWithoutChecksSayNothingOfNames() throws Exception {
        publication("gpu-train/a", "DVC metrics (a)", false).publish(build, listener, fixture(), checksApi);
        publication("gpu-train/b", "DVC metrics (b)", false).publish(build, listener, fixture("b"), checksApi);
        publication("gpu-train/c", "DVC metrics (b)", true).publish(build, listener, fixture("c"), checksApi);
        publication("gpu-train/d", "DVC metrics (b)", false)
                .publish(build, listener, fixture("d"), new PullRequestChecks(new ClassLoader(null) {}));

        assertThat(build.reports)
                .extracting(DvcReportAction::getCheckName)
                .containsExactly("DVC metrics (a)", "DVC metrics (b)", null, null);
        assertThat(text()).doesNotContain("has the name of");
    }

    @Test
    void checksApiInstalledWhilePublishingRunsChangesNothingOfThatPublication() throws Exception {
        ChecksApiInstalledLater loader = new ChecksApiInstalledLater();
        PullRequestChecks appearing = new PullRequestChecks(loader, (run, l, check) -> checks.add(check));

        publication("gpu-train", gate(PASSES, "0.3", "failure")).publish(build, listener, fixture(), appearing);

        assertThat(loader.lookups).as("asked once per publication").isEqualTo(1);
        assertThat(checks).as("no completed check without its in-progress one").isEmpty();
        assertThat(build.reports).singleElement().satisfies(report -> assertThat(report.getCheckName())
                .isNull());
        assertThat(text())
                .contains("[gpu-train] no check 'DVC metrics' published: the Checks API plugin (checks-api) is not"
                        + " installed\n");
    }

    private DvcMetricsPublication publication(String reportDir, MetricQualityGate... gates) {
        return new DvcMetricsPublication("main", reportDir, "builtin", false, List.of(gates), "DVC metrics", false);
    }

    private DvcMetricsPublication publication(String reportDir, String checksName, boolean skipPublishingChecks) {
        return new DvcMetricsPublication(
                "main", reportDir, "builtin", false, List.of(), checksName, skipPublishingChecks);
    }

    private DvcMetricsPublication.WorkspaceReportWriter fixture() {
        return fixture("a");
    }

    /** The guide fixture's workspace in its own directory; the report as the agent writes it. */
    private DvcMetricsPublication.WorkspaceReportWriter fixture(String name) {
        return (revision, dir, diffs, gates) -> {
            Path workspace = FixtureRepository.create(
                    "celestial-bodies", directory.resolve(name), Set.of("evaluation/metrics.json"));
            return new ReportCallable(revision.name(), dir, null, gates).invoke(workspace.toFile(), null);
        };
    }

    private static MetricQualityGate gate(String metric, String threshold, String criticality) {
        return TestGates.gate(metric, threshold, null, null, criticality);
    }

    private String text() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /**
     * A class loader on which checks-api appears while a build runs, as when the plugin is installed meanwhile: its
     * classes are missing on the first lookup and found on every later one. (The JVM remembers a class once its loader
     * found it, not a class it did not find: this is the one way round that later lookups can see.)
     */
    private static final class ChecksApiInstalledLater extends ClassLoader {
        int lookups;

        ChecksApiInstalledLater() {
            super(DvcMetricsPublicationTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.jenkins.plugins.checks.") && lookups++ == 0) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    /**
     * A build that records what a publication does to it. Its result only gets worse, as Jenkins' {@code
     * Run.setResult} keeps it (jenkinsci/jenkins core/src/main/java/hudson/model/Run.java at jenkins-2.555: "result can
     * only get worse"); its reports are replaced by directory with the production rule ({@link
     * DvcReportAction#inDirectory}).
     */
    private static final class RecordingBuild implements PublishedBuild {
        final List<DvcReportAction> reports = new ArrayList<>();
        final Map<String, String> archived = new java.util.LinkedHashMap<>();
        BuildOutcome outcome = BuildOutcome.SUCCESS;

        @Override
        public Run<?, ?> run() {
            return null;
        }

        @Override
        public String url() {
            return "job/ml/3/";
        }

        @Override
        public Optional<String> absoluteUrl() {
            return Optional.of("https://ci.example.com/job/ml/3/");
        }

        @Override
        public void archive(Map<String, String> artifacts) {
            archived.putAll(artifacts);
        }

        @Override
        public List<DvcReportAction> attach(DvcReportAction report) {
            List<DvcReportAction> before = List.copyOf(reports);
            reports.remove(DvcReportAction.inDirectory(reports, report.getReportDir()));
            reports.add(report);
            return before;
        }

        @Override
        public void worsen(BuildOutcome requested) {
            if (requested.compareTo(outcome) > 0) {
                outcome = requested;
            }
        }
    }
}
