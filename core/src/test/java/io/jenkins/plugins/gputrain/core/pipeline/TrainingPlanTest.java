package io.jenkins.plugins.gputrain.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingPlanTest {
    private static final String BUILD_TAG = "jenkins-ml-train-42";

    @Test
    void theSeedExampleGivesThePodTemplateOfTheGoldenYamlAndTheDefaults() throws IOException {
        TrainingPlan plan = TrainingPlan.of(
                Map.of("nodeSelector", "gpu=true", "cpuMemory", "1-2000"), TrainingDefaults.BUILT_IN, BUILD_TAG);

        assertThat(plan.podTemplate()).containsOnlyKeys("yaml", "inheritFrom");
        assertThat(plan.podTemplate().get("yaml")).isEqualTo(golden("seed-podTemplate.yaml"));
        assertThat(plan.podTemplate().get("inheritFrom")).isEqualTo("");
        assertThat(plan.attempts()).isEqualTo(2);
        assertThat(plan.checkout()).isTrue();
        assertThat(plan.publish()).isTrue();
        assertThat(plan.dvcRemoteCredentialsId()).isNull();
        assertThat(plan.publishArguments())
                .containsExactly(Map.entry("baseline", "main"), Map.entry("reportDir", "gpu-train"));
        assertThat(plan.summary())
                .isEqualTo("cpu 1, memory 2000M, node selector gpu=true, image iterativeai/cml:0-dvc3-base1-gpu");
    }

    @Test
    void everyArgumentReachesThePlan() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("nodeSelector", List.of("gpu=true", "pool=spot"));
        arguments.put("cpuMemory", "4-16000+nvidia-tesla-t4*1");
        arguments.put("image", "registry.example.com/ml/dvc:3");
        arguments.put("cloud", "gpu-cluster");
        arguments.put("namespace", "ml");
        arguments.put("baseline", "origin/main");
        arguments.put("retries", 0);
        arguments.put("timeout", "2h");
        arguments.put("pendingTimeout", "10m");
        arguments.put("checkout", false);
        arguments.put("dvcRemoteCredentialsId", "dvc-remote");
        arguments.put("publish", "false");
        arguments.put("reportDir", "reports/./dvc");
        arguments.put("tolerations", "dedicated=ml:NoSchedule");
        arguments.put("yaml", "spec:\n  priorityClassName: training\n");
        arguments.put("checksName", "Model metrics");
        arguments.put("skipPublishingChecks", "true");
        arguments.put(
                "qualityGates",
                List.of(Map.of("metric", "evaluation/metrics.json:acc", "threshold", new BigDecimal("-0.01"))));

        TrainingPlan plan = TrainingPlan.of(arguments, TrainingDefaults.BUILT_IN, BUILD_TAG);

        assertThat(plan.podTemplate())
                .containsEntry("cloud", "gpu-cluster")
                .containsEntry("namespace", "ml")
                .containsEntry("inheritFrom", "")
                .containsEntry("activeDeadlineSeconds", 7200)
                .containsEntry("slaveConnectTimeout", 600);
        assertThat((String) plan.podTemplate().get("yaml"))
                .contains(
                        "nvidia.com/gpu: \"1\"",
                        "gpu: \"true\"",
                        "pool: \"spot\"",
                        "key: \"dedicated\"",
                        "priorityClassName: \"training\"",
                        "image: \"registry.example.com/ml/dvc:3\"",
                        "gpu-train.jenkins.io/run-id: \"" + BUILD_TAG + "\"");
        assertThat(plan.attempts()).isEqualTo(1);
        assertThat(plan.checkout()).isFalse();
        assertThat(plan.publish()).isFalse();
        assertThat(plan.dvcRemoteCredentialsId()).isEqualTo("dvc-remote");
        assertThat(plan.publishArguments())
                .containsExactly(
                        Map.entry("baseline", "origin/main"),
                        Map.entry("reportDir", "reports/dvc"),
                        Map.entry("checksName", "Model metrics"),
                        Map.entry("skipPublishingChecks", true),
                        Map.entry(
                                "qualityGates",
                                List.of(Map.of(
                                        "metric", "evaluation/metrics.json:acc",
                                        "threshold", "-0.01",
                                        "type", "change",
                                        "operator", ">=",
                                        "criticality", "failure"))));
    }

    @Test
    void leftOutArgumentsFallBackToTheConfiguredDefaultsAndGivenOnesWin() {
        TrainingDefaults configured = new TrainingDefaults(
                "gpu-cluster",
                "ml",
                "python:3.12",
                "gpu=true",
                "2-4000",
                "amd.com/gpu",
                "cloud.google.com/gke-accelerator",
                false,
                "develop",
                "15m",
                "3h",
                3,
                "dvc-remote");

        TrainingPlan defaulted = TrainingPlan.of(Map.of(), configured, BUILD_TAG);
        TrainingPlan overridden = TrainingPlan.of(
                Map.of("cloud", "other", "cpuMemory", "1-2000+mi100*1", "retries", 1, "baseline", "main"),
                configured,
                BUILD_TAG);

        assertThat(defaulted.podTemplate())
                .containsEntry("cloud", "gpu-cluster")
                .containsEntry("namespace", "ml")
                .containsEntry("activeDeadlineSeconds", 10800)
                .containsEntry("slaveConnectTimeout", 900);
        assertThat(defaulted.summary()).isEqualTo("cpu 2, memory 4000M, node selector gpu=true, image python:3.12");
        assertThat(defaulted.attempts()).isEqualTo(4);
        assertThat(defaulted.dvcRemoteCredentialsId()).isEqualTo("dvc-remote");
        assertThat(defaulted.publishArguments()).containsEntry("baseline", "develop");
        assertThat(overridden.podTemplate()).containsEntry("cloud", "other");
        assertThat((String) overridden.podTemplate().get("yaml"))
                .contains("amd.com/gpu: \"1\"")
                .doesNotContain("tolerations");
        assertThat(overridden.attempts()).isEqualTo(2);
        assertThat(overridden.publishArguments()).containsEntry("baseline", "main");
    }

    @Test
    void theRunIdIsTheBuildTagMadeALabelValue() {
        TrainingPlan plan = TrainingPlan.of(Map.of(), TrainingDefaults.BUILT_IN, "jenkins-team/ml » train #7");

        assertThat((String) plan.podTemplate().get("yaml"))
                .contains("gpu-train.jenkins.io/run-id: \"jenkins-team-ml---train--7\"");
    }

    @Test
    void thePlanSerializesAsPipelineKeepsIt() throws IOException {
        TrainingPlan plan = TrainingPlan.of(Map.of("nodeSelector", "gpu=true"), TrainingDefaults.BUILT_IN, BUILD_TAG);

        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(plan);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '#',
            value = {
                "nodeSelecter # gpu=true # gpuTrain 'nodeSelecter': unknown argument (expected one of baseline, checkout,"
                        + " checksName, cloud, cpuMemory, dvcRemoteCredentialsId, image, namespace, nodeSelector, pendingTimeout,"
                        + " publish, qualityGates, reportDir, retries, skipPublishingChecks, timeout, tolerations,"
                        + " yaml)",
                "cpuMemory # 1-2000+t4*0 # cpuMemory '1-2000+t4*0': GPU count must be at least 1 (expected"
                        + " {cpu}-{memory}[+{model}*{count}] or s|m|l|xl)",
                "nodeSelector # gpu # nodeSelector 'gpu': entry 'gpu' has no '=' (expected key=value[,key=value…] with Kubernetes"
                        + " label keys and values)",
                "retries # 11 # retries '11': out of range (expected a whole number from 0 to 10)",
                "retries # two # retries 'two': is a String (expected a whole number from 0 to 10)",
                "checkout # yes # checkout 'yes': is a String (expected true or false)",
                "timeout # soon # timeout 'soon': not a duration (expected a positive duration such as 90s, 30m, 2h,"
                        + " 1h30m, 1d or PT2H)",
                "pendingTimeout # 0s # pendingTimeout '0s': must be longer than 0 seconds (expected a positive duration"
                        + " such as 90s, 30m, 2h, 1h30m, 1d or PT2H)",
                "baseline # -x # baseline '-x': must not start with '-' (expected a branch, tag or commit such as main,"
                        + " origin/main or v1.2)",
                "reportDir # ../outside # reportDir '../outside': leaves the workspace (expected a relative path inside"
                        + " the workspace, such as gpu-train)",
                "reportDir # /tmp/report # reportDir '/tmp/report': leaves the workspace (expected a relative path inside"
                        + " the workspace, such as gpu-train)",
                "namespace # ML_Team # namespace 'ML_Team': not a DNS label (expected at most 63 lower-case letters, digits"
                        + " or '-', alphanumeric at both ends)",
            })
    void badArgumentsAreOneLineNamingTheArgument(String name, String value, String message) {
        assertThatThrownBy(() -> TrainingPlan.of(Map.of(name, value), TrainingDefaults.BUILT_IN, BUILD_TAG))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(message);
    }

    @Test
    void valuesOfTheWrongTypeNameTheArgument() {
        assertThatThrownBy(() -> TrainingPlan.of(Map.of("cpuMemory", 4), TrainingDefaults.BUILT_IN, BUILD_TAG))
                .hasMessage("cpuMemory '4': is a Integer (expected a string)");
        assertThatThrownBy(() ->
                        TrainingPlan.of(Map.of("tolerations", List.of("a", 1)), TrainingDefaults.BUILT_IN, BUILD_TAG))
                .hasMessage("tolerations '1': is a Integer (expected a string or a list of strings)");
        assertThatThrownBy(() -> TrainingPlan.of(Map.of("publish", 1), TrainingDefaults.BUILT_IN, BUILD_TAG))
                .hasMessage("publish '1': is a Integer (expected true or false)");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(TrainingPlanTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
