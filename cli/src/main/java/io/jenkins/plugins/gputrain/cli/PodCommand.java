package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.gputrain.core.pod.PodManifest;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpu-train pod}: prints the pod manifest the engine would create, without contacting a cluster. */
@Command(
        name = "pod",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Print the Kubernetes pod that gpu-train would create for these options (nothing is created).")
final class PodCommand implements Callable<Integer> {
    /** Largest {@code --pod-yaml} file read. */
    static final long MAX_POD_YAML_BYTES = 1024 * 1024;

    /** Spec field names (as the core reports them) to this command's option names. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry(MachineSize.FIELD, "--cpu-memory"),
            Map.entry(NodeSelector.FIELD, "--node-selector"),
            Map.entry(TaintToleration.FIELD, "--toleration"),
            Map.entry("timeout", "--timeout"),
            Map.entry("image", "--image"),
            Map.entry("namespace", "--namespace"),
            Map.entry("gpuResourceName", "--gpu-resource"),
            Map.entry("acceleratorLabelKey", "--accelerator-label"),
            Map.entry("shmSize", "--shm-size"),
            Map.entry("imagePullSecrets", "--image-pull-secret"),
            Map.entry("serviceAccountName", "--service-account"),
            Map.entry("runId", "--run-id"),
            Map.entry("podName", "--run-id"),
            Map.entry("yaml", "--pod-yaml"));

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--node-selector",
            paramLabel = "K=V[,K=V…]",
            description = "Node labels the pod must run on; repeat or separate with commas.")
    private List<String> nodeSelectors = new ArrayList<>();

    @Option(
            names = "--cpu-memory",
            paramLabel = "SPEC",
            defaultValue = "m",
            description = "{cpu}-{memory}[+{model}*{count}] (memory in MB unless a unit is given) or"
                    + " s|m|l|xl|m+k80|…; default: ${DEFAULT-VALUE}.")
    private String cpuMemory;

    @Option(
            names = "--image",
            paramLabel = "IMG",
            description = "Training image; default: " + TrainingPodSpec.DEFAULT_IMAGE + ".")
    private String image;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of the pod.")
    private String namespace;

    @Option(
            names = "--gpu-resource",
            paramLabel = "NAME",
            description = "GPU resource name; default: " + TrainingPodSpec.DEFAULT_GPU_RESOURCE + ".")
    private String gpuResource;

    @Option(
            names = "--accelerator-label",
            paramLabel = "KEY",
            description = "Node label set to the accelerator"
                    + " model when GPUs are asked for without --node-selector; default: "
                    + TrainingPodSpec.DEFAULT_ACCELERATOR_LABEL + ".")
    private String acceleratorLabel;

    @Option(names = "--no-gpu-toleration", description = "Do not tolerate the GPU taint.")
    private boolean noGpuToleration;

    @Option(names = "--limits-only", description = "Limit CPU and memory without requesting them (as CML does).")
    private boolean limitsOnly;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Deadline of the pod, e.g. 2h or 90m.")
    private String timeout;

    @Option(
            names = "--toleration",
            paramLabel = "KEY[=VALUE][:EFFECT]",
            description = "Tolerate a node taint;" + " repeatable.")
    private List<String> tolerations = new ArrayList<>();

    @Option(
            names = "--image-pull-secret",
            paramLabel = "NAME",
            description = "Secret for pulling the image;" + " repeatable.")
    private List<String> imagePullSecrets = new ArrayList<>();

    @Option(names = "--service-account", paramLabel = "NAME", description = "Service account of the pod.")
    private String serviceAccount;

    @Option(
            names = "--shm-size",
            paramLabel = "SIZE",
            description =
                    "Size limit of /dev/shm; default: " + TrainingPodSpec.DEFAULT_SHM_SIZE + ", at most the memory.")
    private String shmSize;

    @Option(names = "--pod-yaml", paramLabel = "FILE", description = "Pod YAML to merge over the generated pod.")
    private Path podYaml;

    @Option(names = "--run-id", paramLabel = "ID", description = "Run id label; default: random.")
    private String runId;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "yaml|json",
            defaultValue = "yaml",
            description = "Output format: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}.")
    private Format output;

    /** Output formats. */
    enum Format {
        yaml,
        json
    }

    @Override
    public Integer call() {
        try {
            Pod pod = new TrainingPodFactory().create(podSpec());
            PodManifest manifest = new PodManifest();
            spec.commandLine().getOut().print(output == Format.json ? manifest.toJson(pod) : manifest.toYaml(pod));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (InvalidSpecException e) {
            spec.commandLine()
                    .getErr()
                    .println("error: "
                            + e.withField(OPTIONS.getOrDefault(e.field(), e.field()))
                                    .getMessage());
            return 2;
        }
    }

    private TrainingPodSpec podSpec() {
        String id = runId == null ? "gt-" + UUID.randomUUID().toString().substring(0, 8) : runId;
        TrainingPodSpec.Builder builder = TrainingPodSpec.builder(id)
                .podName("gpu-train-" + id)
                .namespace(namespace)
                .image(image)
                .machine(MachineSize.parse(cpuMemory))
                .nodeSelector(NodeSelector.parse(nodeSelectors))
                .gpuResourceName(gpuResource)
                .acceleratorLabelKey(acceleratorLabel)
                .gpuToleration(!noGpuToleration)
                .requestsEqualLimits(!limitsOnly)
                .serviceAccountName(serviceAccount);
        if (timeout != null) {
            builder.timeout(DurationSpec.parse("timeout", timeout));
        }
        if (shmSize != null) {
            builder.shmSize(shmSize);
        }
        tolerations.forEach(t -> builder.toleration(TaintToleration.parse(t)));
        imagePullSecrets.forEach(builder::imagePullSecret);
        if (podYaml != null) {
            builder.extraYaml(readPodYaml());
        }
        return builder.build();
    }

    private String readPodYaml() {
        String expected = "a readable YAML file of at most " + MAX_POD_YAML_BYTES + " bytes";
        try {
            if (Files.size(podYaml) > MAX_POD_YAML_BYTES) {
                throw new InvalidSpecException("yaml", podYaml.toString(), "file is too large", expected);
            }
            return Files.readString(podYaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSpecException(
                    "yaml",
                    podYaml.toString(),
                    "cannot read the file (" + e.getClass().getSimpleName() + ")",
                    expected);
        }
    }
}
