package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodCommandTest {
    @TempDir
    Path temp;

    @Test
    void seedCaseAsJson() throws IOException {
        CliRun run = CliRun.of("pod", "--node-selector", "gpu=true", "--cpu-memory", "1-2000", "-o", "json");

        assertThat(run.exitCode).isZero();
        assertThat(run.err).isEmpty();
        JsonNode pod = new ObjectMapper().readTree(run.out);
        JsonNode dvc = pod.at("/spec/containers/0");
        assertThat(dvc.get("name").asText()).isEqualTo("dvc");
        for (String kind : new String[] {"requests", "limits"}) {
            assertThat(dvc.at("/resources/" + kind + "/cpu").asText()).isEqualTo("1");
            assertThat(dvc.at("/resources/" + kind + "/memory").asText()).isEqualTo("2000M");
            assertThat(dvc.at("/resources/" + kind).has("nvidia.com/gpu")).isFalse();
        }
        assertThat(pod.at("/spec/nodeSelector").toString()).isEqualTo("{\"gpu\":\"true\"}");
        assertThat(pod.at("/spec").has("tolerations")).isFalse();
        assertThat(pod.at("/metadata/labels/app.kubernetes.io~1managed-by").asText())
                .isEqualTo("gpu-train");
        assertThat(pod.at("/metadata/name").asText()).matches("gpu-train-gt-[0-9a-f]{8}");
    }

    @Test
    void gpuCaseAsYamlWithEveryOption() throws IOException {
        Path extra = temp.resolve("extra.yaml");
        Files.writeString(extra, "spec:\n  priorityClassName: ml-batch\n");

        CliRun run = CliRun.of(
                "pod",
                "--cpu-memory",
                "4-16000+nvidia-tesla-t4*1",
                "--run-id",
                "r1",
                "--namespace",
                "ml",
                "--image",
                "python:3.12",
                "--gpu-resource",
                "nvidia.com/gpu",
                "--accelerator-label",
                "cloud.google.com/gke-accelerator",
                "--timeout",
                "2h",
                "--toleration",
                "spot=true:NoSchedule",
                "--image-pull-secret",
                "registry",
                "--service-account",
                "trainer",
                "--shm-size",
                "2Gi",
                "--pod-yaml",
                extra.toString());

        assertThat(run.err).isEmpty();
        assertThat(run.exitCode).isZero();
        assertThat(run.out)
                .startsWith("---\napiVersion: \"v1\"\nkind: \"Pod\"\n")
                .contains(
                        "name: \"gpu-train-r1\"",
                        "namespace: \"ml\"",
                        "activeDeadlineSeconds: 7200",
                        "image: \"python:3.12\"",
                        "nvidia.com/gpu: \"1\"",
                        "cloud.google.com/gke-accelerator: \"nvidia-tesla-t4\"",
                        "key: \"spot\"",
                        "priorityClassName: \"ml-batch\"",
                        "serviceAccountName: \"trainer\"",
                        "sizeLimit: \"2Gi\"");
    }

    @Test
    void repeatedNodeSelectorOptionsCombine() {
        CliRun run = CliRun.of("pod", "--node-selector", "gpu=true", "--node-selector", "zone=a", "--run-id", "r");

        assertThat(run.out).contains("nodeSelector:\n    gpu: \"true\"\n    zone: \"a\"\n");
    }

    @Test
    void cpuMemoryDefaultsToCmlsM() {
        assertThat(CliRun.of("pod", "--run-id", "r").out).contains("cpu: \"8\"", "memory: \"32Gi\"");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "--cpu-memory => 1-2000+t4*0 => error: --cpu-memory '1-2000+t4*0': GPU count must be at least 1 (expected"
                        + " {cpu}-{memory}[+{model}*{count}] or s|m|l|xl)",
                "--node-selector => gpu => error: --node-selector 'gpu': entry 'gpu' has no '=' (expected key=value[,key=value…]"
                        + " with Kubernetes label keys and values)",
                "--timeout => soon => error: --timeout 'soon': not a duration (expected a positive duration such as 90s, 30m, 2h,"
                        + " 1h30m, 1d or PT2H)",
                "--toleration => gpu:Always => error: --toleration 'gpu:Always': effect 'Always' is not one of NoSchedule,"
                        + " PreferNoSchedule, NoExecute (expected key[=value][:NoSchedule|PreferNoSchedule|NoExecute])",
                "--namespace => ML => error: --namespace 'ML': not a DNS label (expected at most 63 lower-case letters, digits or"
                        + " '-', alphanumeric at both ends)",
                "--run-id => a b => error: --run-id 'a b': must be alphanumeric at both ends with only '-', '_' or '.' inside"
                        + " (expected at most 63 characters, alphanumeric at both ends, '-', '_' or '.' inside, or empty)",
            })
    void badValueIsOneLineNamingTheOptionWithExitCode2(String option, String value, String message) {
        CliRun run = CliRun.of("pod", option, value);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).isEqualTo(message + "\nTry 'gpu-train pod --help' for more information.\n");
        assertThat(run.out).isEmpty();
    }

    @Test
    void unreadablePodYamlFile() {
        CliRun run = CliRun.of("pod", "--pod-yaml", temp.resolve("missing.yaml").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("error: --pod-yaml '").contains("missing.yaml': cannot read the file");
    }

    @Test
    void podYamlWithLiteralSecretIsRefused() throws IOException {
        Path extra = temp.resolve("extra.yaml");
        Files.writeString(
                extra, "spec:\n  containers:\n  - name: dvc\n    env:\n    - {name: GITHUB_TOKEN, value: ghp_x}\n");

        CliRun run = CliRun.of("pod", "--pod-yaml", extra.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err)
                .startsWith("error: --pod-yaml 'spec:': environment variable GITHUB_TOKEN of container dvc"
                        + " holds a literal value")
                .doesNotContain("ghp_x");
    }

    @Test
    void unknownOutputFormatIsAUsageError() {
        CliRun run = CliRun.of("pod", "-o", "xml");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Invalid value for option '--output'");
    }
}
