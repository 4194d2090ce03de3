package io.jenkins.plugins.gputrain.core.pod;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.LabelSyntax;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import io.jenkins.plugins.gputrain.core.spec.ResourceQuantity;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything that decides the shape of a training pod. Built with {@link #builder(String)}; every value is
 * validated there, so a spec that exists can always be turned into a pod.
 *
 * @param runId identifies one run; a label value on the pod
 * @param owner who started the run (user or job), or {@code null}; a label value on the pod
 * @param podName the pod's name, or {@code null} to let the kubernetes-plugin name it
 * @param namespace the namespace, or {@code null} for the client's or cloud's default
 * @param image the training container's image
 * @param machine CPUs, memory and GPUs of the training container
 * @param nodeSelector node labels to run on
 * @param gpuResourceName the extended resource that counts GPUs
 * @param acceleratorLabelKey the node label set to the accelerator model when GPUs are asked for without a selector
 * @param gpuToleration whether pods asking for GPUs tolerate the {@code gpuResourceName} taint
 * @param requestsEqualLimits whether CPU and memory are requested as well as limited (else limits only, as CML)
 * @param timeout how long the pod may run ({@code activeDeadlineSeconds}), or {@code null} for no limit
 * @param shmSize size limit of the memory-backed {@code /dev/shm}, at most the memory limit
 * @param imagePullSecrets names of Secrets for pulling the image
 * @param serviceAccountName the service account, or {@code null} for the namespace default
 * @param tolerations tolerations besides the GPU one
 * @param secretEnvironment environment variables from Secrets
 * @param secretFiles files from Secrets
 * @param extraYaml pod YAML merged over the generated pod, or {@code null}
 */
public record TrainingPodSpec(
        String runId,
        String owner,
        String podName,
        String namespace,
        String image,
        MachineSize machine,
        NodeSelector nodeSelector,
        String gpuResourceName,
        String acceleratorLabelKey,
        boolean gpuToleration,
        boolean requestsEqualLimits,
        Duration timeout,
        ResourceQuantity shmSize,
        List<String> imagePullSecrets,
        String serviceAccountName,
        List<TaintToleration> tolerations,
        List<SecretEnvVar> secretEnvironment,
        List<SecretFile> secretFiles,
        String extraYaml) {

    /** A public image with Python 3, DVC 3, git and the CUDA runtime (CML's image, which the guide uses). */
    public static final String DEFAULT_IMAGE = "iterativeai/cml:0-dvc3-base1-gpu";

    /** The resource name of NVIDIA's device plugin. */
    public static final String DEFAULT_GPU_RESOURCE = "nvidia.com/gpu";

    /** CML's accelerator node label key (GKE's is {@code cloud.google.com/gke-accelerator}). */
    public static final String DEFAULT_ACCELERATOR_LABEL = "accelerator";

    /** Default size limit of {@code /dev/shm}; PyTorch data loaders need more than Docker's 64M. */
    public static final String DEFAULT_SHM_SIZE = "1Gi";

    /** Copies the collections. */
    public TrainingPodSpec {
        imagePullSecrets = List.copyOf(imagePullSecrets);
        tolerations = List.copyOf(tolerations);
        secretEnvironment = List.copyOf(secretEnvironment);
        secretFiles = List.copyOf(secretFiles);
    }

    /**
     * Starts a spec with the defaults: machine {@code m}, no node selector, {@link #DEFAULT_IMAGE}, NVIDIA GPUs with
     * their toleration, requests equal to limits, no timeout.
     *
     * @param runId identifies the run; must be a valid label value
     * @return the builder
     */
    public static Builder builder(String runId) {
        return new Builder(runId);
    }

    /**
     * Checks a namespace as the pod's (and {@code gpu-train gc}'s) namespace must be: a DNS label.
     *
     * @param field the field or option it was given for, for the message
     * @param name the namespace, or {@code null}
     * @return the namespace stripped, or {@code null} when blank
     * @throws InvalidSpecException naming the field when it is not a DNS label
     */
    public static String checkedNamespace(String field, String name) {
        return Builder.dnsLabel(field, name);
    }

    /** One line for the console, e.g. {@code cpu 1, memory 2000M, node selector gpu=true, image python:3.12}. */
    public String summary() {
        return "cpu " + machine.cpu() + ", memory " + machine.memory()
                + machine.gpus()
                        .map(g -> ", " + g.count() + " × " + g.model() + " GPU")
                        .orElse("")
                + ", node selector " + (nodeSelector.isEmpty() ? "(none)" : nodeSelector.toSpec())
                + ", image " + image;
    }

    /** The timeout, if any. */
    public Optional<Duration> optionalTimeout() {
        return Optional.ofNullable(timeout);
    }

    /** Collects and validates the values of a {@link TrainingPodSpec}. */
    public static final class Builder {
        private final String runId;
        private String owner;
        private String podName;
        private String namespace;
        private String image = DEFAULT_IMAGE;
        private MachineSize machine = MachineSize.DEFAULT.size();
        private NodeSelector nodeSelector = NodeSelector.NONE;
        private String gpuResourceName = DEFAULT_GPU_RESOURCE;
        private String acceleratorLabelKey = DEFAULT_ACCELERATOR_LABEL;
        private boolean gpuToleration = true;
        private boolean requestsEqualLimits = true;
        private Duration timeout;
        private ResourceQuantity shmSize =
                ResourceQuantity.parse(DEFAULT_SHM_SIZE).orElseThrow();
        private final List<String> imagePullSecrets = new ArrayList<>();
        private String serviceAccountName;
        private final List<TaintToleration> tolerations = new ArrayList<>();
        private final List<SecretEnvVar> secretEnvironment = new ArrayList<>();
        private final List<SecretFile> secretFiles = new ArrayList<>();
        private String extraYaml;

        private Builder(String runId) {
            LabelSyntax.valueProblem(runId == null ? "" : runId).ifPresent(problem -> {
                throw new InvalidSpecException("runId", runId, problem, LabelSyntax.VALUE_RULE);
            });
            if (runId == null || runId.isEmpty()) {
                throw new InvalidSpecException("runId", runId, "must not be empty", LabelSyntax.VALUE_RULE);
            }
            this.runId = runId;
        }

        /** Labels the pod with who started the run, so that leftovers can be traced; must be a label value. */
        public Builder owner(String owner) {
            if (owner == null || owner.isEmpty()) {
                this.owner = null;
                return this;
            }
            LabelSyntax.valueProblem(owner).ifPresent(problem -> {
                throw new InvalidSpecException("owner", owner, problem, LabelSyntax.VALUE_RULE);
            });
            this.owner = owner;
            return this;
        }

        /** Names the pod (for pods gpu-train creates itself); must be a DNS subdomain, as the API server wants. */
        public Builder podName(String name) {
            this.podName = dnsSubdomain("podName", name);
            return this;
        }

        /** Sets the namespace; must be a DNS label. */
        public Builder namespace(String name) {
            this.namespace = checkedNamespace("namespace", name);
            return this;
        }

        /** Sets the image; blank keeps the default. */
        public Builder image(String reference) {
            String given = given(
                    "image",
                    reference,
                    r -> r.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)),
                    "contains white space",
                    "an image reference such as python:3.12 or registry.example.com/team/dvc:1.0");
            this.image = given == null ? image : given;
            return this;
        }

        /** Sets CPUs, memory and GPUs. */
        public Builder machine(MachineSize size) {
            this.machine = size;
            return this;
        }

        /** Sets the node selector. */
        public Builder nodeSelector(NodeSelector selector) {
            this.nodeSelector = selector;
            return this;
        }

        /** Sets the GPU resource name, e.g. {@code amd.com/gpu}; must be {@code domain/name}. */
        public Builder gpuResourceName(String name) {
            String given = given(
                    "gpuResourceName",
                    name,
                    n -> n.contains("/")
                            && !n.startsWith("requests.")
                            && LabelSyntax.keyProblem(n).isEmpty(),
                    "not an extended resource name",
                    "domain/name such as nvidia.com/gpu or amd.com/gpu");
            this.gpuResourceName = given == null ? gpuResourceName : given;
            return this;
        }

        /** Sets the accelerator node label key; must be a label key. */
        public Builder acceleratorLabelKey(String key) {
            if (key != null && !key.isBlank()) {
                String trimmed = key.strip();
                LabelSyntax.keyProblem(trimmed).ifPresent(problem -> {
                    throw new InvalidSpecException("acceleratorLabelKey", key, problem, LabelSyntax.KEY_RULE);
                });
                this.acceleratorLabelKey = trimmed;
            }
            return this;
        }

        /** Whether GPU pods tolerate the GPU taint (default yes). */
        public Builder gpuToleration(boolean tolerate) {
            this.gpuToleration = tolerate;
            return this;
        }

        /** Whether CPU and memory are requested as well as limited (default yes). */
        public Builder requestsEqualLimits(boolean requests) {
            this.requestsEqualLimits = requests;
            return this;
        }

        /** Sets how long the pod may run. */
        public Builder timeout(Duration duration) {
            this.timeout = duration;
            return this;
        }

        /** Sets the size limit of {@code /dev/shm}. */
        public Builder shmSize(String size) {
            this.shmSize = ResourceQuantity.parse(size == null ? "" : size.strip())
                    .filter(q -> !q.isZero() && !q.isTooLarge())
                    .orElseThrow(() -> new InvalidSpecException(
                            "shmSize", size, "not a memory size", "a Kubernetes quantity such as 512Mi or 2Gi"));
            return this;
        }

        /** Adds a Secret for pulling the image. */
        public Builder imagePullSecret(String secretName) {
            String given = dnsSubdomain("imagePullSecrets", secretName);
            if (given == null) {
                throw new InvalidSpecException(
                        "imagePullSecrets",
                        secretName,
                        "must not be empty",
                        "a lower-case DNS subdomain such as my-secret");
            }
            imagePullSecrets.add(given);
            return this;
        }

        /** Sets the service account. */
        public Builder serviceAccountName(String name) {
            this.serviceAccountName = dnsSubdomain("serviceAccountName", name);
            return this;
        }

        /** Adds a toleration. */
        public Builder toleration(TaintToleration toleration) {
            tolerations.add(toleration);
            return this;
        }

        /** Adds an environment variable read from a Secret. */
        public Builder secretEnv(SecretEnvVar variable) {
            secretEnvironment.add(variable);
            return this;
        }

        /** Adds a file read from a Secret, with its path in an environment variable. */
        public Builder secretFile(SecretFile file) {
            secretFiles.add(file);
            return this;
        }

        /** Sets pod YAML to merge over the generated pod; checked when the pod is built. */
        public Builder extraYaml(String yaml) {
            this.extraYaml = yaml == null || yaml.isBlank() ? null : yaml;
            return this;
        }

        /** The spec. */
        public TrainingPodSpec build() {
            return new TrainingPodSpec(
                    runId,
                    owner,
                    podName,
                    namespace,
                    image,
                    machine,
                    nodeSelector,
                    gpuResourceName,
                    acceleratorLabelKey,
                    gpuToleration,
                    requestsEqualLimits,
                    timeout,
                    shmSize,
                    imagePullSecrets,
                    serviceAccountName,
                    tolerations,
                    secretEnvironment,
                    secretFiles,
                    extraYaml);
        }

        private static String dnsLabel(String field, String name) {
            return given(
                    field,
                    name,
                    LabelSyntax::isDnsLabel,
                    "not a DNS label",
                    "at most 63 lower-case letters, digits or '-', alphanumeric at both ends");
        }

        private static String dnsSubdomain(String field, String name) {
            return given(
                    field,
                    name,
                    LabelSyntax::isDnsSubdomain,
                    "not a Kubernetes object name",
                    "a lower-case DNS subdomain such as my-secret");
        }

        /** An optional value: {@code null} when blank, else stripped and checked. */
        private static String given(
                String field, String value, Predicate<String> valid, String reason, String expected) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String trimmed = value.strip();
            if (!valid.test(trimmed)) {
                throw new InvalidSpecException(field, value, reason, expected);
            }
            return trimmed;
        }
    }
}
