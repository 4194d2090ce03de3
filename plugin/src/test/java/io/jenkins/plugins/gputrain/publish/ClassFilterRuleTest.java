package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.gputrain.AgentFailure;
import io.jenkins.plugins.gputrain.GpuTrainConfiguration;
import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.report.DvcOutput;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import io.jenkins.plugins.gputrain.runtime.HpiRuntime;
import io.jenkins.plugins.gputrain.runtime.JenkinsClassFilter;
import io.jenkins.plugins.gputrain.runtime.WrittenClasses;
import io.jenkins.plugins.gputrain.train.GpuTrainBuilder;
import io.jenkins.plugins.gputrain.train.TrainCallables;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jenkins runtime rule: every class that Jenkins persists with XStream (the global configuration, a job's builder and
 * recorder, the build's report action, each with quality gates and {@code skipPublishingChecks} set) and every class
 * that crosses remoting (each callable, with and without gates, and what it returns)
 * passes the controller's class filter ({@link JenkinsClassFilter}). Meaningful only where the classes come from the
 * .hpi's jars, so it runs inside {@code HpiRuntimeIT} and is skipped by the unit-test run.
 */
class ClassFilterRuleTest {
    @TempDir
    Path directory;

    private JenkinsClassFilter filter;
    private File workspace;

    @BeforeEach
    void onlyAgainstTheHpi() throws IOException {
        assumeThat(HpiRuntime.active())
                .as("runs in HpiRuntimeIT, against the .hpi's jars")
                .isTrue();
        filter = JenkinsClassFilter.of(getClass().getClassLoader());
        workspace = FixtureRepository.create("celestial-bodies", directory, Set.of("evaluation/metrics.json"))
                .toFile();
    }

    @Test
    void everyClassJenkinsPersistsPassesTheClassFilter() throws Exception {
        Map<String, Object> persisted = new LinkedHashMap<>();
        persisted.put("io.jenkins.plugins.gputrain.GpuTrainConfiguration.xml", configuration());
        persisted.put("a freestyle job's config.xml (builder)", builder());
        persisted.put("a job's config.xml (recorder)", recorder());
        persisted.put("build.xml (report action)", new DvcReportAction("gpu-train", report(), null));
        persisted.put(
                "build.xml (report action with quality gates)",
                new DvcReportAction("gpu-train", gatedReport(), "DVC metrics"));

        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, Object> file : persisted.entrySet()) {
            Set<Class<?>> written = WrittenClasses.byXStream(file.getValue());
            assertThat(written).as(file.getKey()).contains(file.getValue().getClass());
            written.forEach(c -> filter.refusal(c).ifPresent(refusal -> refusals.add(file.getKey() + ": " + refusal)));
        }

        assertThat(refusals).isEmpty();
    }

    @Test
    void everyClassThatCrossesRemotingPassesTheClassFilter() throws Exception {
        Map<Object, Object> callables = new LinkedHashMap<>();
        ReportCallable withDvc = new ReportCallable("main", "gpu-train", new DvcOutput("{}", "{}", "{}"));
        ReportCallable builtIn = new ReportCallable("main", "gpu-train", null);
        callables.put(withDvc, builtIn.invoke(workspace, null));
        ReportCallable gated = gatedCallable();
        callables.put(gated, gated.invoke(workspace, null));
        callables.putAll(TrainCallables.withResults(workspace));

        List<String> refusals = new ArrayList<>();
        for (Map.Entry<Object, Object> call : callables.entrySet()) {
            for (Object travelling : List.of(call.getKey(), call.getValue())) {
                Set<Class<?>> written = WrittenClasses.byJavaSerialization(travelling);
                assertThat(written).as(travelling.getClass().getName()).contains(travelling.getClass());
                written.forEach(c -> filter.refusal(c)
                        .ifPresent(
                                refusal -> refusals.add(call.getKey().getClass().getSimpleName() + ": " + refusal)));
            }
        }

        assertThat(refusals).isEmpty();
    }

    @Test
    void aFailureOnTheAgentTravelsBackAsAPlainIoExceptionThatPassesTheClassFilter() throws Exception {
        MissingObjectException jgit = new MissingObjectException(ObjectId.zeroId(), "commit");
        assertThat(refusals(jgit))
                .as("JGit's own exception carries an ObjectId")
                .isNotEmpty();

        IOException travelling = catchThrowableOfType(
                () -> AgentFailure.plainFailures(() -> {
                    throw new IOException("cannot read the baseline", jgit);
                }),
                IOException.class);

        assertThat(refusals(travelling)).isEmpty();
        assertThat(travelling)
                .hasMessage("cannot read the baseline (" + jgit + ")")
                .hasNoCause();
    }

    private List<String> refusals(Object travelling) throws IOException {
        List<String> refusals = new ArrayList<>();
        WrittenClasses.byJavaSerialization(travelling)
                .forEach(c -> filter.refusal(c).ifPresent(refusals::add));
        return refusals;
    }

    private PublishedReport report() throws IOException {
        return new ReportCallable("main", "gpu-train", null).invoke(workspace, null);
    }

    private PublishedReport gatedReport() throws IOException {
        return gatedCallable().invoke(workspace, null);
    }

    /** A callable with a gate of each type and criticality, one of them on a metric the fixture does not have. */
    private static ReportCallable gatedCallable() {
        return new ReportCallable("main", "gpu-train", null, MetricQualityGate.toGates(gates()));
    }

    /** Gates as the job, the global configuration and CasC keep them: every field set, every choice used. */
    private static List<MetricQualityGate> gates() {
        MetricQualityGate change = TestGates.gate("evaluation/metrics.json:val_acc", -0.01);
        MetricQualityGate value = TestGates.gate("evaluation/metrics.json:val_loss", "0.5", "value", "<", "unstable");
        MetricQualityGate missing = TestGates.gate("evaluation/metrics.json:f1", "0.9", "value", ">", null);
        return List.of(change, value, missing);
    }

    /** The configuration as Jenkins saves it: made without running its constructor (which loads it), then filled. */
    private static GpuTrainConfiguration configuration() throws ReflectiveOperationException {
        GpuTrainConfiguration configuration =
                (GpuTrainConfiguration) new XStream().getReflectionProvider().newInstance(GpuTrainConfiguration.class);
        Map<String, Object> values = Map.of(
                "cloud",
                "gpu-cluster",
                "namespace",
                "ml",
                "cpuMemory",
                "4-16000+nvidia-tesla-t4*1",
                "gpuToleration",
                true,
                "retries",
                2,
                "dvcRemoteCredentialsId",
                "gcs-key",
                "trendLength",
                20,
                "qualityGates",
                new ArrayList<>(gates()),
                "skipPublishingChecks",
                true);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            Field field = GpuTrainConfiguration.class.getDeclaredField(value.getKey());
            field.setAccessible(true);
            field.set(configuration, value.getValue());
        }
        return configuration;
    }

    private static GpuTrainBuilder builder() {
        GpuTrainBuilder builder = new GpuTrainBuilder();
        builder.setCommand("dvc repro --pull");
        builder.setNodeSelector("gpu=true");
        builder.setCpuMemory("1-2000");
        builder.setTimeout("2h");
        return builder;
    }

    private static DvcMetricsRecorder recorder() {
        DvcMetricsRecorder recorder = new DvcMetricsRecorder();
        recorder.setBaseline("main");
        recorder.setEngine("auto");
        recorder.setFailOnMissing(true);
        recorder.setQualityGates(gates());
        recorder.setChecksName("Model metrics");
        recorder.setSkipPublishingChecks(false);
        return recorder;
    }
}
