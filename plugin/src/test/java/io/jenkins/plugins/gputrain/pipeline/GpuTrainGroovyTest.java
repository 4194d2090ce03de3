package io.jenkins.plugins.gputrain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import groovy.lang.Closure;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyObject;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingPlan;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GpuTrain.groovy} run by Groovy 2.4.21 (the version Jenkins runs Pipelines with) against a recording script
 * object: the nested step calls and their arguments, compared with golden transcripts.
 */
class GpuTrainGroovyTest {
    /** Replaces the Jenkins look-ups: the defaults, the credentials found under an id, the build's report action. */
    private static final String TEST_SUBCLASS =
            """
            package io.jenkins.plugins.gputrain.pipeline
            import io.jenkins.plugins.gputrain.core.pipeline.*
            import io.jenkins.plugins.gputrain.publish.DvcReportAction
            class TestGpuTrain extends GpuTrain {
                TrainingDefaults configured = TrainingDefaults.BUILT_IN
                Map credentials = [:]
                List reports = []
                List gates = []
                TestGpuTrain(Object script) { super(script) }
                protected List defaultGates() { gates }
                protected TrainingDefaults defaults() { configured }
                protected CredentialBinding remoteBinding(String id) { DvcRemoteCredentials.binding(id, credentials[id]) }
                protected GateStageMark gateStageMark(String reportDir) { GateStageMark.of(reports, reportDir) }
            }
            """;

    private GroovyObject script;
    private GroovyObject gpuTrain;
    private int bodyRuns;

    @BeforeEach
    void loadTheGroovyAsJenkinsWould() throws Exception {
        GroovyClassLoader loader = new GroovyClassLoader(getClass().getClassLoader());
        loader.parseClass(text(GpuTrainVariable.groovySource().openStream()), "GpuTrain.groovy");
        Class<?> recorder = loader.parseClass(text(resource("RecordingScript.groovy")), "RecordingScript.groovy");
        Class<?> testClass = loader.parseClass(TEST_SUBCLASS, "TestGpuTrain.groovy");
        script = (GroovyObject) recorder.getConstructor().newInstance();
        gpuTrain = (GroovyObject) testClass.getConstructor(Object.class).newInstance(script);
    }

    @Test
    void theSeedExampleComposesPodTemplateRetryNodeCheckoutContainerAndPublish() throws IOException {
        call(Map.of("nodeSelector", "gpu=true", "cpuMemory", "1-2000"));

        assertThat(transcript()).isEqualTo(golden("seed.txt"));
        assertThat(bodyRuns).isEqualTo(1);
        assertThat(argument("podTemplate").get("yaml"))
                .isEqualTo(TrainingPlan.of(
                                Map.of("nodeSelector", "gpu=true", "cpuMemory", "1-2000"),
                                TrainingDefaults.BUILT_IN,
                                "jenkins-ml-train-42")
                        .podTemplate()
                        .get("yaml"));
    }

    @Test
    void gpusAndExtraYamlReachThePodYaml() throws IOException {
        call(Map.of(
                "cpuMemory", "4-16000+nvidia-tesla-t4*1",
                "yaml", "spec:\n  priorityClassName: training\n",
                "timeout", "2h",
                "pendingTimeout", "10m"));

        assertThat(transcript()).isEqualTo(golden("gpus-yaml.txt"));
        assertThat((String) argument("podTemplate").get("yaml"))
                .contains(
                        "nvidia.com/gpu: \"1\"", "accelerator: \"nvidia-tesla-t4\"", "priorityClassName: \"training\"");
    }

    @Test
    void fileCredentialsAreBoundAroundTheContainer() throws IOException {
        credentials("gcs-key", new TestCredentials.SecretFile("gcs-key", ""));

        call(Map.of("dvcRemoteCredentialsId", "gcs-key"));

        assertThat(transcript()).isEqualTo(golden("credentials-file.txt"));
    }

    @Test
    void usernamePasswordCredentialsBecomeTheAwsKeyPair() {
        credentials("s3", new TestCredentials.UsernamePassword("s3", ""));

        call(Map.of("dvcRemoteCredentialsId", "s3"));

        assertThat(transcript())
                .contains("      usernamePassword(credentialsId: 's3', passwordVariable: 'AWS_SECRET_ACCESS_KEY',"
                        + " usernameVariable: 'AWS_ACCESS_KEY_ID')");
    }

    @Test
    void withoutScmAndWithoutRetriesThereIsNoCheckoutAndOneAttempt() throws IOException {
        script.setProperty("scmVariable", "missing");

        call(Map.of("retries", 0, "publish", false));

        assertThat(transcript()).isEqualTo(golden("no-scm-no-retries.txt"));
    }

    @Test
    void anInlinePipelineWithWorkflowMultibranchInstalledTrainsWithoutCheckoutAndSaysWhy() {
        script.setProperty("scmVariable", "multibranch");

        call(Map.of("nodeSelector", "gpu=true"));

        List<String> steps = transcript().stream().map(String::strip).toList();
        assertThat(steps)
                .contains("echo('[gpu-train] no checkout scm: ‘checkout scm’ is only available when using"
                        + " “Multibranch Pipeline” or “Pipeline script from SCM”')")
                .noneMatch(step -> step.startsWith("checkout("))
                .anyMatch(step -> step.startsWith("publishDvcMetrics("));
        assertThat(bodyRuns).isEqualTo(1);
    }

    @Test
    void anScmThatFailsOtherwiseFailsTheBuildBeforeTheBody() {
        script.setProperty("scmVariable", "no-tip");

        assertThatThrownBy(() -> call(Map.of())).hasRootCauseMessage("Could not determine exact tip revision of main");
        assertThat(bodyRuns).isZero();
    }

    @Test
    void theGlobalDefaultsApplyToTheBodyOnlyForm() {
        gpuTrain.setProperty(
                "configured",
                new TrainingDefaults(
                        "gpu-cluster",
                        "ml",
                        "python:3.12",
                        "gpu=true",
                        "2-4000",
                        "nvidia.com/gpu",
                        "accelerator",
                        true,
                        "develop",
                        null,
                        null,
                        2,
                        null));

        gpuTrain.invokeMethod("call", new Object[] {body()});

        assertThat(transcript())
                .startsWith(
                        "echo('[gpu-train] pod: cpu 2, memory 4000M, node selector gpu=true, image python:3.12')",
                        "merge()",
                        "podTemplate(cloud: 'gpu-cluster', yaml: <yaml>, inheritFrom: '', namespace: 'ml',"
                                + " yamlMergeStrategy: <merge>) {",
                        "  kubernetesAgent()",
                        "  nonresumable()",
                        "  retry(count: 3, conditions: [<kubernetesAgent>, <nonresumable>]) {")
                .contains("        publishDvcMetrics(baseline: 'develop', reportDir: 'gpu-train')");
    }

    @Test
    void anUnstableGateMarksTheStageUnstableAfterThePodIsGone() {
        gpuTrain.setProperty(
                "reports",
                List.of(GateStageMarkTest.action(
                        GateStageMarkTest.met(GateStageMarkTest.ACC),
                        GateStageMarkTest.notMet(GateStageMarkTest.LOSS))));

        call(Map.of());

        assertThat(transcript())
                .endsWith(
                        "  }", "}", "unstable('[gpu-train] Quality gates: unstable (0 failed, 1 unstable, 1 passed)')");
    }

    @Test
    void aFailedGateFailsTheStepWithTheSummaryAfterThePodIsGone() {
        gpuTrain.setProperty(
                "reports",
                List.of(GateStageMarkTest.action(
                        GateStageMarkTest.notMet(GateStageMarkTest.ACC),
                        GateStageMarkTest.met(GateStageMarkTest.LOSS))));

        assertThatThrownBy(() -> call(Map.of()))
                .hasMessage("[gpu-train] Quality gates: failed (1 failed, 0 unstable, 1 passed)");
        assertThat(transcript())
                .endsWith("}", "error('[gpu-train] Quality gates: failed (1 failed, 0 unstable, 1 passed)')");
    }

    @Test
    void withoutPublishingTheGatesOfAnEarlierReportDoNotMarkTheStage() {
        gpuTrain.setProperty(
                "reports", List.of(GateStageMarkTest.action(GateStageMarkTest.notMet(GateStageMarkTest.ACC))));

        call(Map.of("publish", false));

        assertThat(transcript()).last().isEqualTo("}");
    }

    @Test
    void aParallelCallsReportInAnotherDirectoryDoesNotMarkThisCallsStage() {
        gpuTrain.setProperty(
                "reports",
                List.of(
                        GateStageMarkTest.action("gpu-train/b", GateStageMarkTest.notMet(GateStageMarkTest.ACC)),
                        GateStageMarkTest.action("gpu-train/a", GateStageMarkTest.met(GateStageMarkTest.ACC))));

        call(Map.of("reportDir", "gpu-train/a"));

        assertThat(transcript()).last().isEqualTo("}");
        assertThatThrownBy(() -> call(Map.of("reportDir", "gpu-train/b")))
                .hasMessage("[gpu-train] Quality gates: failed (1 failed, 0 unstable, 0 passed)");
    }

    @Test
    void badArgumentsFailWithOneLineBeforeAnyStepRuns() {
        assertThatThrownBy(() -> call(Map.of("cpuMemory", "1-2000+t4*0")))
                .hasMessage("[gpu-train] cpuMemory '1-2000+t4*0': GPU count must be at least 1 (expected"
                        + " {cpu}-{memory}[+{model}*{count}] or s|m|l|xl)");
        assertThat(transcript()).singleElement().asString().startsWith("error(");
        assertThat(bodyRuns).isZero();
    }

    /** The Snippet Generator writes {@code qualityGates: [qualityGate(metric: …, threshold: …)]}; maps work too. */
    @Test
    void snippetGeneratorGatesAndMapGatesReachPublishDvcMetricsAsMaps() {
        UninstantiatedDescribable snippet = new UninstantiatedDescribable(
                "qualityGate",
                null,
                Map.of("metric", "evaluation/metrics.json:acc", "threshold", new BigDecimal("-0.01")));
        Map<String, Object> map = Map.of(
                "metric", "evaluation/metrics.json:loss", "type", "value", "threshold", 0.5, "criticality", "unstable");

        call(Map.of("qualityGates", List.of(snippet, map)));

        assertThat(argument("publishDvcMetrics").get("qualityGates"))
                .isEqualTo(List.of(
                        Map.of(
                                "metric", "evaluation/metrics.json:acc",
                                "threshold", "-0.01",
                                "type", "change",
                                "operator", ">=",
                                "criticality", "failure"),
                        Map.of(
                                "metric", "evaluation/metrics.json:loss",
                                "threshold", "0.5",
                                "type", "value",
                                "operator", ">=",
                                "criticality", "unstable")));
        assertThat(bodyRuns).isEqualTo(1);
    }

    @Test
    void anotherDescribableAmongTheGatesFailsWithOneLineNamingTheGate() {
        UninstantiatedDescribable other = new UninstantiatedDescribable("coverageGate", null, Map.of("threshold", 1));

        assertThatThrownBy(() -> call(Map.of("qualityGates", List.of(other))))
                .hasMessage("[gpu-train] qualityGates[0] 'coverageGate(…)': is not a quality gate (expected"
                        + " qualityGate(metric: 'evaluation/metrics.json:acc', threshold: -0.01) or a map such as"
                        + " [metric: 'evaluation/metrics.json:acc', threshold: -0.01])");
        assertThat(transcript()).singleElement().asString().startsWith("error(");
        assertThat(bodyRuns).isZero();
    }

    @Test
    void aBadGlobalGateFailsWithOneLineBeforeThePod() {
        gpuTrain.setProperty("gates", DefaultGatesTest.BAD_DEFAULTS);

        assertThatThrownBy(() -> call(Map.of())).hasMessage("[gpu-train] " + DefaultGatesTest.BAD_DEFAULTS_MESSAGE);
        assertThat(transcript()).singleElement().asString().startsWith("error(");
        assertThat(bodyRuns).isZero();
    }

    @Test
    void aBadStepGateFailsWithOneLineBeforeThePod() {
        assertThatThrownBy(() -> call(Map.of(
                        "qualityGates",
                        List.of(Map.of(
                                "metric", "evaluation/metrics.json:acc", "threshold", 0, "criticality", "fatal")))))
                .hasMessage("[gpu-train] quality gate 'evaluation/metrics.json:acc' criticality 'fatal': unknown"
                        + " criticality (expected one of unstable, failure)");
        assertThat(transcript()).singleElement().asString().startsWith("error(");
        assertThat(bodyRuns).isZero();
    }

    @Test
    void unknownArgumentsListTheValidOnes() {
        assertThatThrownBy(() -> call(Map.of("gpus", 2)))
                .hasMessageStartingWith("[gpu-train] gpuTrain 'gpus': unknown argument (expected one of baseline,"
                        + " checkout, checksName, cloud, cpuMemory,");
        assertThat(bodyRuns).isZero();
    }

    @Test
    void credentialsOfAnotherKindOrMissingFailBeforeAnyStepRuns() {
        credentials("token", new Object());

        assertThatThrownBy(() -> call(Map.of("dvcRemoteCredentialsId", "token")))
                .hasMessage("[gpu-train] dvcRemoteCredentialsId 'token': is another kind of credentials (Object)"
                        + " (expected the id of a Secret file, Username with password or Secret text credential)");
        assertThatThrownBy(() -> call(Map.of("dvcRemoteCredentialsId", "nope")))
                .hasMessage("[gpu-train] dvcRemoteCredentialsId 'nope': no credentials with this id are visible to"
                        + " this build (expected the id of a Secret file, Username with password or Secret text"
                        + " credential)");
        assertThat(bodyRuns).isZero();
    }

    private void call(Map<String, Object> arguments) {
        gpuTrain.invokeMethod("call", new Object[] {arguments, body()});
    }

    private Closure<Object> body() {
        return new Closure<>(this) {
            @Override
            public Object call() {
                bodyRuns++;
                script.invokeMethod("sh", new Object[] {"dvc repro --pull"});
                return null;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private void credentials(String id, Object credentials) {
        ((Map<String, Object>) gpuTrain.getProperty("credentials")).put(id, credentials);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> argument(String step) {
        return (Map<String, Object>) ((Map<String, Object>) script.getProperty("arguments")).get(step);
    }

    @SuppressWarnings("unchecked")
    private List<String> transcript() {
        return (List<String>) script.getProperty("transcript");
    }

    private static List<String> golden(String name) throws IOException {
        return text(resource(name)).lines().toList();
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(GpuTrainGroovyTest.class.getResourceAsStream(name), name);
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
