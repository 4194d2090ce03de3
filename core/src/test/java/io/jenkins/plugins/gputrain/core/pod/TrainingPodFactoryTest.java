package io.jenkins.plugins.gputrain.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingPodFactoryTest {
    private final TrainingPodFactory factory = new TrainingPodFactory();
    private final PodManifest manifest = new PodManifest();

    @Test
    void seedCaseMatchesTheGoldenYaml() throws IOException {
        TrainingPodSpec spec = TrainingPodSpec.builder("build-42")
                .podName("gpu-train-build-42")
                .nodeSelector(NodeSelector.parse("gpu=true"))
                .machine(MachineSize.parse("1-2000"))
                .build();

        assertThat(manifest.toYaml(factory.create(spec))).isEqualTo(golden("seed-gpu-true-1-2000.yaml"));
    }

    @Test
    void gpuCaseMatchesTheGoldenYaml() throws IOException {
        TrainingPodSpec spec = TrainingPodSpec.builder("build-43")
                .podName("gpu-train-build-43")
                .namespace("ml-training")
                .machine(MachineSize.parse("4-16000+nvidia-tesla-t4*1"))
                .timeout(Duration.ofHours(2))
                .build();

        assertThat(manifest.toYaml(factory.create(spec))).isEqualTo(golden("gpu-4-16000-t4.yaml"));
    }

    /** The rows of CML's worked-examples table that a {@code cpuMemory} + {@code nodeSelector} pair can express. */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1-2000|gpu=true|cpu=1,memory=2000M|gpu=true",
                "1-2000||cpu=1,memory=2000M|",
                "1-2000+nvidia-tesla-t4*1||cpu=1,memory=2000M,nvidia.com/gpu=1|accelerator=nvidia-tesla-t4",
                "1-2000+nvidia-tesla-t4*1|gpu=true|cpu=1,memory=2000M,nvidia.com/gpu=1|gpu=true",
                "1-2000+nvidia-tesla-t4*1|gpu=true,cloud.google.com/gke-accelerator=infer|cpu=1,memory=2000M,"
                        + "nvidia.com/gpu=1|cloud.google.com/gke-accelerator=nvidia-tesla-t4,gpu=true",
                "1-2000+t4*2||cpu=1,memory=2000M,nvidia.com/gpu=2|accelerator=t4",
                "m+v100||cpu=8,memory=64Gi,nvidia.com/gpu=1|accelerator=nvidia-tesla-v100",
                "m||cpu=8,memory=32Gi|",
                "1-2000|zone=infer|cpu=1,memory=2000M|",
            })
    void cmlWorkedExamples(String cpuMemory, String selector, String limits, String expectedSelector) {
        Pod pod = factory.create(TrainingPodSpec.builder("r")
                .machine(MachineSize.parse(cpuMemory))
                .nodeSelector(NodeSelector.parse(selector))
                .build());

        assertThat(quantities(dvc(pod).getResources().getLimits())).isEqualTo(limits);
        assertThat(selector(pod)).isEqualTo(expectedSelector == null ? "" : expectedSelector);
    }

    @Test
    void requestsEqualLimitsForCpuAndMemoryButGpusAreOnlyLimited() {
        Container dvc = dvc(factory.create(TrainingPodSpec.builder("r")
                .machine(MachineSize.parse("2-8Gi+a100*4"))
                .build()));

        assertThat(quantities(dvc.getResources().getRequests())).isEqualTo("cpu=2,memory=8Gi");
        assertThat(quantities(dvc.getResources().getLimits())).isEqualTo("cpu=2,memory=8Gi,nvidia.com/gpu=4");
    }

    @Test
    /**
     * Explicit zero requests: the API server's defaulting ({@code pkg/apis/core/v1/defaults.go},
     * {@code SetDefaults_ResourceList} for containers) copies each limit into a missing request, so leaving requests
     * out would schedule exactly as requests = limits.
     */
    void limitsOnlyLikeCml() {
        Container dvc = dvc(factory.create(
                TrainingPodSpec.builder("r").requestsEqualLimits(false).build()));

        assertThat(quantities(dvc.getResources().getRequests())).isEqualTo("cpu=0,memory=0");
        assertThat(quantities(dvc.getResources().getLimits())).isEqualTo("cpu=8,memory=32Gi");
    }

    @Test
    void otherGpuResourceAndLabelKeyAndNoToleration() {
        Pod pod = factory.create(TrainingPodSpec.builder("r")
                .machine(MachineSize.parse("4-16000+mi300x*2"))
                .gpuResourceName("amd.com/gpu")
                .acceleratorLabelKey("cloud.google.com/gke-accelerator")
                .gpuToleration(false)
                .build());

        assertThat(quantities(dvc(pod).getResources().getLimits())).isEqualTo("amd.com/gpu=2,cpu=4,memory=16000M");
        assertThat(selector(pod)).isEqualTo("cloud.google.com/gke-accelerator=mi300x");
        assertThat(pod.getSpec().getTolerations()).isEmpty();
    }

    @Test
    void gpuTolerationUsesTheGpuResourceNameAndExtraTolerationsFollow() {
        Pod pod = factory.create(TrainingPodSpec.builder("r")
                .machine(MachineSize.parse("1-1+t4*1"))
                .gpuResourceName("amd.com/gpu")
                .toleration(TaintToleration.parse("spot=true:NoSchedule"))
                .build());

        assertThat(pod.getSpec().getTolerations())
                .extracting(Toleration::getKey, Toleration::getOperator, Toleration::getValue, Toleration::getEffect)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("amd.com/gpu", "Exists", null, "NoSchedule"),
                        org.assertj.core.groups.Tuple.tuple("spot", "Equal", "true", "NoSchedule"));
    }

    @Test
    void noGpuMeansNoGpuTolerationAndNoAcceleratorLabel() {
        Pod pod = factory.create(TrainingPodSpec.builder("r")
                .machine(MachineSize.parse("1-2000"))
                .build());

        assertThat(pod.getSpec().getTolerations()).isEmpty();
        assertThat(pod.getSpec().getNodeSelector()).isEmpty();
    }

    @Test
    void podStaysUpNeverRestartsAndIsLabelled() {
        Pod pod = factory.create(
                TrainingPodSpec.builder("run-7").timeout(Duration.ofMinutes(90)).build());

        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getActiveDeadlineSeconds()).isEqualTo(5400L);
        assertThat(dvc(pod).getCommand()).isEqualTo(ContainerInit.COMMAND);
        assertThat(dvc(pod).getArgs()).isEmpty();
        assertThat(dvc(pod).getImage()).isEqualTo(TrainingPodSpec.DEFAULT_IMAGE);
        assertThat(pod.getMetadata().getLabels())
                .containsExactly(
                        Map.entry("app.kubernetes.io/managed-by", "gpu-train"),
                        Map.entry("gpu-train.jenkins.io/run-id", "run-7"));
    }

    @Test
    void theOwnerIsALabelWhenKnown() {
        Pod pod = factory.create(TrainingPodSpec.builder("run-8").owner("alice").build());

        assertThat(pod.getMetadata().getLabels())
                .containsExactly(
                        Map.entry("app.kubernetes.io/managed-by", "gpu-train"),
                        Map.entry("gpu-train.jenkins.io/run-id", "run-8"),
                        Map.entry("gpu-train.jenkins.io/owner", "alice"));
        assertThat(TrainingPodSpec.builder("run-9").owner("").build().owner()).isNull();
    }

    @Test
    void anOwnerThatIsNoLabelValueIsRejectedNamingTheField() {
        assertThatThrownBy(() -> TrainingPodSpec.builder("run-8").owner("alice smith"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("owner 'alice smith': ");
    }

    @Test
    void shmIsMemoryBackedAndNeverLargerThanTheMemoryLimit() {
        Pod small = factory.create(TrainingPodSpec.builder("r")
                .machine(MachineSize.parse("1-512Mi"))
                .build());
        Pod large = factory.create(TrainingPodSpec.builder("r").shmSize("4Gi").build());

        assertThat(small.getSpec().getVolumes().get(1).getEmptyDir().getMedium())
                .isEqualTo("Memory");
        assertThat(small.getSpec().getVolumes().get(1).getEmptyDir().getSizeLimit())
                .isEqualTo(new Quantity("512Mi"));
        assertThat(large.getSpec().getVolumes().get(1).getEmptyDir().getSizeLimit())
                .isEqualTo(new Quantity("4Gi"));
        assertThat(dvc(small).getVolumeMounts().get(1).getMountPath()).isEqualTo("/dev/shm");
    }

    /**
     * kwok's exec simulation runs commands in a per-namespace directory and cannot remap absolute paths; a real exec
     * runs in the container's {@code workingDir}. So the workspace is the working directory, an {@code emptyDir} that
     * any user may write, also under a read-only root file system.
     */
    @Test
    void theWorkspaceIsAnEmptyDirMountedAtTheWorkingDirectory() {
        Pod pod = factory.create(TrainingPodSpec.builder("r").build());

        assertThat(dvc(pod).getWorkingDir()).isEqualTo(TrainingPodFactory.WORKSPACE);
        var mount = dvc(pod).getVolumeMounts().get(0);
        assertThat(mount.getMountPath()).isEqualTo(TrainingPodFactory.WORKSPACE);
        assertThat(mount.getReadOnly()).isNull();
        var volume = pod.getSpec().getVolumes().get(0);
        assertThat(volume.getName()).isEqualTo(mount.getName());
        assertThat(volume.getEmptyDir()).isNotNull();
        assertThat(volume.getEmptyDir().getMedium()).isNull();
    }

    @Test
    void secretsAreReferencedNeverInlined() {
        Pod pod = factory.create(TrainingPodSpec.builder("r")
                .secretEnv(new SecretEnvVar("AWS_SECRET_ACCESS_KEY", "dvc-remote", "secret-key"))
                .imagePullSecret("registry-login")
                .serviceAccountName("trainer")
                .build());

        var env = dvc(pod).getEnv().get(0);
        assertThat(env.getValue()).isNull();
        assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("dvc-remote");
        assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("secret-key");
        assertThat(pod.getSpec().getImagePullSecrets())
                .extracting(r -> r.getName())
                .containsExactly("registry-login");
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("trainer");
    }

    @Test
    void aSecretFileIsMountedReadOnlyWithItsPathInTheEnvironment() {
        Pod pod = factory.create(TrainingPodSpec.builder("r")
                .secretFile(new SecretFile(
                        "run-secret",
                        "gcs.json",
                        "/var/run/secrets/gpu-train/gcs.json",
                        "GOOGLE_APPLICATION_CREDENTIALS"))
                .build());

        var volume = pod.getSpec().getVolumes().get(2);
        assertThat(volume.getSecret().getSecretName()).isEqualTo("run-secret");
        assertThat(volume.getSecret().getDefaultMode()).isEqualTo(0444);
        assertThat(volume.getSecret().getItems()).singleElement().satisfies(item -> {
            assertThat(item.getKey()).isEqualTo("gcs.json");
            assertThat(item.getPath()).isEqualTo("gcs.json");
        });
        var mount = dvc(pod).getVolumeMounts().get(2);
        assertThat(mount.getName()).isEqualTo(volume.getName());
        assertThat(mount.getMountPath()).isEqualTo("/var/run/secrets/gpu-train/gcs.json");
        assertThat(mount.getSubPath()).isEqualTo("gcs.json");
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(dvc(pod).getEnv())
                .singleElement()
                .satisfies(env -> assertThat(env.getName()).isEqualTo("GOOGLE_APPLICATION_CREDENTIALS"))
                .satisfies(env -> assertThat(env.getValue()).isEqualTo("/var/run/secrets/gpu-train/gcs.json"));
    }

    @Test
    void extraYamlMergesOnTop() {
        Pod pod = factory.create(TrainingPodSpec.builder("r")
                .machine(MachineSize.parse("1-1+t4*1"))
                .extraYaml(
                        """
                        spec:
                          priorityClassName: ml-batch
                          nodeSelector:
                            pool: a100
                          containers:
                          - name: dvc
                            workingDir: /work
                            resources:
                              limits:
                                ephemeral-storage: 50Gi
                          - name: sidecar
                            image: busybox
                          tolerations:
                          - key: dedicated
                            operator: Exists
                        """)
                .build());

        assertThat(pod.getSpec().getPriorityClassName()).isEqualTo("ml-batch");
        assertThat(selector(pod)).isEqualTo("accelerator=t4,pool=a100");
        assertThat(pod.getSpec().getContainers()).extracting(Container::getName).containsExactly("dvc", "sidecar");
        assertThat(dvc(pod).getWorkingDir()).isEqualTo("/work");
        assertThat(quantities(dvc(pod).getResources().getLimits()))
                .isEqualTo("cpu=1,ephemeral-storage=50Gi,memory=1M,nvidia.com/gpu=1");
        assertThat(pod.getSpec().getTolerations())
                .extracting(Toleration::getKey)
                .containsExactly("nvidia.com/gpu", "dedicated");
    }

    /**
     * The merge follows the strategic-merge tags of {@code k8s.io/api/core/v1/types.go} (v1.35.4): a volume of
     * gpu-train's name keeps only the keys the YAML names ({@code patchStrategy:"merge,retainKeys"}: the PVC replaces
     * the {@code emptyDir}, "may not specify more than 1 volume type" otherwise; a {@code dshm} with {@code emptyDir}
     * keeps its {@code medium}), mounts are keyed by {@code mountPath} ({@code patchMergeKey:"mountPath"}: one volume
     * mounted at two paths stays two mounts), and a {@code valueFrom} replaces gpu-train's {@code value}
     * ({@code pkg/apis/core/validation/validation.go} validateEnvVarValueFrom: "may not be specified when `value` is
     * not empty").
     */
    @Test
    void extraYamlReplacesVolumeSourcesKeysMountsByPathAndKeepsValueAndValueFromApart() throws IOException {
        Pod pod = factory.create(TrainingPodSpec.builder("build-44")
                .podName("gpu-train-build-44")
                .machine(MachineSize.parse("1-2000"))
                .secretFile(
                        new SecretFile("run-secret", "gcs.json", "/var/run/secrets/gpu-train/gcs.json", "GCS_KEY_FILE"))
                .extraYaml(
                        """
                        spec:
                          containers:
                          - name: dvc
                            env:
                            - name: GCS_KEY_FILE
                              valueFrom:
                                configMapKeyRef: {name: paths, key: gcs}
                            volumeMounts:
                            - name: workspace
                              mountPath: /data
                            - name: workspace
                              mountPath: /results
                              subPath: results
                          volumes:
                          - name: workspace
                            persistentVolumeClaim:
                              claimName: training-data
                          - name: dshm
                            emptyDir:
                              sizeLimit: 512Mi
                        """)
                .build());

        assertThat(manifest.toYaml(pod)).isEqualTo(golden("merged-volumes-mounts-env.yaml"));
    }

    /**
     * A literal value for a variable gpu-train sets from a Secret is refused, naming the variable, whatever its name:
     * secrets reach the pod only from Secrets.
     */
    @Test
    void aLiteralValueForAVariableSetFromASecretIsRefused() {
        TrainingPodSpec spec = TrainingPodSpec.builder("r")
                .secretEnv(new SecretEnvVar("DVC_REMOTE_AUTH", "run-secret", "auth"))
                .extraYaml("spec:\n  containers:\n  - name: dvc\n    env:\n    - name: DVC_REMOTE_AUTH\n"
                        + "      value: hunter2\n")
                .build();

        assertThatThrownBy(() -> factory.create(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("yaml 'spec:': environment variable DVC_REMOTE_AUTH is set by gpu-train from a Secret"
                        + " (valueFrom.secretKeyRef); a literal value for it is refused, secrets come only from"
                        + " Kubernetes Secrets or Jenkins credentials (expected pod YAML, e.g. 'spec:"
                        + " {priorityClassName: ml-batch}')")
                .hasMessageNotContaining("hunter2");
    }

    /** Every variable gpu-train binds DVC remote credentials to is refused as a literal, the Azure one too. */
    @ParameterizedTest
    @CsvSource({"AZURE_STORAGE_CONNECTION_STRING", "AWS_ACCESS_KEY_ID", "GOOGLE_APPLICATION_CREDENTIALS"})
    void aLiteralDvcRemoteCredentialIsRefused(String variable) {
        TrainingPodSpec spec = TrainingPodSpec.builder("r")
                .extraYaml("spec:\n  containers:\n  - name: dvc\n    env:\n    - name: " + variable + "\n"
                        + "      value: AccountKey=abc\n")
                .build();

        assertThatThrownBy(() -> factory.create(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("yaml 'spec:': environment variable " + variable + " of container dvc holds a"
                        + " literal value")
                .hasMessageNotContaining("AccountKey=abc");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "- a|must be a YAML mapping (a pod or part of one)",
                "kind: Deployment|kind is 'Deployment', not Pod",
                "spec: {activeDeadlineSeconds: soon}|not a valid pod: ",
            })
    void unusableExtraYaml(String yaml, String reason) {
        TrainingPodSpec spec = TrainingPodSpec.builder("r").extraYaml(yaml).build();

        assertThatThrownBy(() -> factory.create(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("yaml '" + yaml + "': " + reason)
                .hasMessageNotContaining("\n");
    }

    @Test
    void malformedExtraYamlNamesTheLine() {
        TrainingPodSpec spec =
                TrainingPodSpec.builder("r").extraYaml("spec:\n  a: [1, 2\n").build();

        assertThatThrownBy(() -> factory.create(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("yaml 'spec:': ")
                .hasMessageContaining("at line 3")
                .hasMessageEndingWith("(expected well-formed YAML)");
    }

    @Test
    void literalCredentialInExtraYamlIsRefusedWithoutEchoingIt() {
        TrainingPodSpec spec = TrainingPodSpec.builder("r")
                .extraYaml("spec:\n  containers:\n  - name: dvc\n    env:\n    - name: AWS_SECRET_ACCESS_KEY\n"
                        + "      value: wJalrXUtnFEMI\n")
                .build();

        assertThatThrownBy(() -> factory.create(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("yaml 'spec:': environment variable AWS_SECRET_ACCESS_KEY of container dvc holds a"
                        + " literal value; reference a Kubernetes Secret (valueFrom.secretKeyRef) or use a Jenkins"
                        + " credential instead (expected pod YAML, e.g. 'spec: {priorityClassName: ml-batch}')")
                .hasMessageNotContaining("wJalrXUtnFEMI");
    }

    @Test
    void podTemplateArgumentsCarryTheYamlWithoutNameAndNoInheritance() {
        TrainingPodSpec spec = TrainingPodSpec.builder("build-42")
                .podName("ignored")
                .namespace("ml")
                .nodeSelector(NodeSelector.parse("gpu=true"))
                .machine(MachineSize.parse("1-2000"))
                .timeout(Duration.ofHours(1))
                .build();

        PodTemplateArguments arguments = PodTemplateArguments.of(spec, factory, manifest);

        assertThat(arguments.toMap()).containsOnlyKeys("yaml", "inheritFrom", "namespace", "activeDeadlineSeconds");
        assertThat(arguments.toMap())
                .containsEntry("inheritFrom", "")
                .containsEntry("namespace", "ml")
                .containsEntry("activeDeadlineSeconds", 3600);
        assertThat(arguments.yaml())
                .doesNotContain("name: \"ignored\"", "namespace:")
                .contains("name: \"dvc\"", "gpu: \"true\"");
        assertThat(PodTemplateArguments.of(TrainingPodSpec.builder("r").build(), factory, manifest)
                        .toMap())
                .containsOnlyKeys("yaml", "inheritFrom");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|runId '': must not be empty (expected at most 63 characters, alphanumeric at both ends, '-', '_' or '.'"
                        + " inside, or empty)",
                "-bad|runId '-bad': must be alphanumeric at both ends with only '-', '_' or '.' inside (expected at most 63"
                        + " characters, alphanumeric at both ends, '-', '_' or '.' inside, or empty)",
            })
    void badRunId(String runId, String message) {
        assertThatThrownBy(() -> TrainingPodSpec.builder(runId)).hasMessage(message);
    }

    @Test
    void badBuilderValuesNameTheirField() {
        TrainingPodSpec.Builder builder = TrainingPodSpec.builder("r");

        assertThatThrownBy(() -> builder.namespace("ML_Team"))
                .hasMessageStartingWith("namespace 'ML_Team': not a DNS label");
        assertThatThrownBy(() -> builder.podName("a..b"))
                .hasMessageStartingWith("podName 'a..b': not a Kubernetes object name");
        assertThatThrownBy(() -> builder.image("python 3"))
                .hasMessageStartingWith("image 'python 3': contains white space");
        assertThatThrownBy(() -> builder.gpuResourceName("gpu"))
                .hasMessageStartingWith("gpuResourceName 'gpu': not an extended resource name");
        assertThatThrownBy(() -> builder.acceleratorLabelKey("a b"))
                .hasMessageStartingWith("acceleratorLabelKey 'a b'");
        assertThatThrownBy(() -> builder.shmSize("lots")).hasMessageStartingWith("shmSize 'lots': not a memory size");
        assertThatThrownBy(() -> builder.shmSize("0")).hasMessageStartingWith("shmSize '0'");
        assertThatThrownBy(() -> builder.imagePullSecret("Bad_Name"))
                .hasMessageStartingWith("imagePullSecrets 'Bad_Name'");
        assertThatThrownBy(() -> builder.serviceAccountName("x y")).hasMessageStartingWith("serviceAccountName 'x y'");
        assertThatThrownBy(() -> builder.imagePullSecret(" "))
                .hasMessageStartingWith("imagePullSecrets ' ': must not be empty");
        assertThatThrownBy(() -> builder.image("python\u0000")).hasMessageStartingWith("image 'python\\u0000'");
    }

    @Test
    void blankOptionalValuesKeepTheDefaults() {
        TrainingPodSpec spec = TrainingPodSpec.builder("r")
                .image(" ")
                .gpuResourceName("")
                .acceleratorLabelKey(null)
                .namespace(" ")
                .serviceAccountName("")
                .extraYaml("  ")
                .build();

        assertThat(spec.image()).isEqualTo(TrainingPodSpec.DEFAULT_IMAGE);
        assertThat(spec.gpuResourceName()).isEqualTo("nvidia.com/gpu");
        assertThat(spec.acceleratorLabelKey()).isEqualTo("accelerator");
        assertThat(spec.namespace()).isNull();
        assertThat(spec.serviceAccountName()).isNull();
        assertThat(spec.extraYaml()).isNull();
    }

    private static Container dvc(Pod pod) {
        return pod.getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(TrainingPodFactory.CONTAINER))
                .findFirst()
                .orElseThrow();
    }

    private static String quantities(Map<String, Quantity> quantities) {
        return new java.util.TreeMap<>(quantities)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(","));
    }

    private static String selector(Pod pod) {
        return NodeSelector.parse(pod.getSpec().getNodeSelector().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(",")))
                .toSpec();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TrainingPodFactoryTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
