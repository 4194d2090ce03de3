package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Option;

/** The options describing the training pod, shared by {@code gpu-train pod} and {@code gpu-train run}. */
final class PodOptions {
    /** Largest {@code --pod-yaml} file read. */
    static final int MAX_POD_YAML_BYTES = 1024 * 1024;

    /** Spec field names (as the core reports them) to option names. */
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

    @Option(
            names = "--node-selector",
            paramLabel = "K=V[,K=V…]",
            description = "Node labels the pod must run on; repeat or separate with commas.")
    List<String> nodeSelectors = new ArrayList<>();

    @Option(
            names = "--cpu-memory",
            paramLabel = "SPEC",
            defaultValue = "m",
            description = "{cpu}-{memory}[+{model}*{count}] (memory in MB unless a unit is given) or"
                    + " s|m|l|xl|m+k80|…; default: ${DEFAULT-VALUE}.")
    String cpuMemory;

    @Option(
            names = "--image",
            paramLabel = "IMG",
            description = "Training image; default: " + TrainingPodSpec.DEFAULT_IMAGE + ".")
    String image;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of the pod.")
    String namespace;

    @Option(
            names = "--gpu-resource",
            paramLabel = "NAME",
            description = "GPU resource name; default: " + TrainingPodSpec.DEFAULT_GPU_RESOURCE + ".")
    String gpuResource;

    @Option(
            names = "--accelerator-label",
            paramLabel = "KEY",
            description = "Node label set to the accelerator"
                    + " model when GPUs are asked for without --node-selector; default: "
                    + TrainingPodSpec.DEFAULT_ACCELERATOR_LABEL + ".")
    String acceleratorLabel;

    @Option(names = "--no-gpu-toleration", description = "Do not tolerate the GPU taint.")
    boolean noGpuToleration;

    @Option(names = "--limits-only", description = "Limit CPU and memory without requesting them (as CML does).")
    boolean limitsOnly;

    @Option(
            names = "--toleration",
            paramLabel = "KEY[=VALUE][:EFFECT]",
            description = "Tolerate a node taint;" + " repeatable.")
    List<String> tolerations = new ArrayList<>();

    @Option(
            names = "--image-pull-secret",
            paramLabel = "NAME",
            description = "Secret for pulling the image;" + " repeatable.")
    List<String> imagePullSecrets = new ArrayList<>();

    @Option(names = "--service-account", paramLabel = "NAME", description = "Service account of the pod.")
    String serviceAccount;

    @Option(
            names = "--shm-size",
            paramLabel = "SIZE",
            description =
                    "Size limit of /dev/shm; default: " + TrainingPodSpec.DEFAULT_SHM_SIZE + ", at most the memory.")
    String shmSize;

    @Option(names = "--pod-yaml", paramLabel = "FILE", description = "Pod YAML to merge over the generated pod.")
    Path podYaml;

    /** The option that sets a spec field, for error messages. */
    static String optionFor(String field) {
        return OPTIONS.getOrDefault(field, field);
    }

    /**
     * The pod spec these options describe.
     *
     * @param runId the run id, or {@code null} for a random one
     * @param deadline the pod's deadline, or {@code null}
     * @param owner who starts the run, a label value, or {@code null}
     * @return the spec
     * @throws InvalidSpecException naming the spec field (see {@link #optionFor}) when an option is invalid
     */
    TrainingPodSpec podSpec(String runId, Duration deadline, String owner) {
        String id = runId == null ? "gt-" + UUID.randomUUID().toString().substring(0, 8) : runId;
        TrainingPodSpec.Builder builder = TrainingPodSpec.builder(id)
                .podName("gpu-train-" + id)
                .owner(owner)
                .namespace(namespace)
                .image(image)
                .machine(MachineSize.parse(cpuMemory))
                .nodeSelector(NodeSelector.parse(nodeSelectors))
                .gpuResourceName(gpuResource)
                .acceleratorLabelKey(acceleratorLabel)
                .gpuToleration(!noGpuToleration)
                .requestsEqualLimits(!limitsOnly)
                .serviceAccountName(serviceAccount);
        if (deadline != null) {
            builder.timeout(deadline);
        }
        if (shmSize != null) {
            builder.shmSize(shmSize);
        }
        tolerations.forEach(t -> builder.toleration(TaintToleration.parse(t)));
        imagePullSecrets.forEach(secret -> builder.imagePullSecret(secret));
        if (podYaml != null) {
            builder.extraYaml(readPodYaml());
        }
        return builder.build();
    }

    String readPodYaml() {
        String expected = "a readable YAML file of at most " + MAX_POD_YAML_BYTES + " bytes";
        if (Files.isDirectory(podYaml)) {
            throw new InvalidSpecException("yaml", podYaml.toString(), "is a directory", expected);
        }
        try {
            return BoundedFile.readRegular(podYaml, MAX_POD_YAML_BYTES);
        } catch (BoundedFile.Refused e) {
            throw new InvalidSpecException("yaml", podYaml.toString(), e.getMessage(), expected);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidSpecException("yaml", podYaml.toString(), "not UTF-8 text", expected);
        } catch (IOException e) {
            throw new InvalidSpecException(
                    "yaml", podYaml.toString(), "cannot read the file: " + FileProblem.reason(e), expected);
        }
    }
}
