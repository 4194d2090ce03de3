package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.jenkins.plugins.gputrain.core.spec.Accelerator;
import io.jenkins.plugins.gputrain.core.spec.ResourceQuantity;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link TrainingPodSpec} into the pod gpu-train runs: one container named {@value #CONTAINER} that stays up
 * ({@link ContainerInit}: a PID 1 that passes SIGTERM on to the commands) while commands are run in it from its
 * working directory {@value #WORKSPACE} (an {@code emptyDir}), CPU and memory requested and limited, GPUs as an
 * extended-resource limit with the matching toleration, a memory-backed {@code /dev/shm}, {@code restartPolicy: Never}, labels that
 * find leftovers, and the user's extra YAML merged on top.
 */
public final class TrainingPodFactory {
    /** The training container's name; Pipeline bodies run in it with {@code container('dvc')}. */
    public static final String CONTAINER = "dvc";

    /** Label on every gpu-train pod. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

    /** Value of {@link #MANAGED_BY_LABEL}. */
    public static final String MANAGED_BY = "gpu-train";

    /** Label holding the run id. */
    public static final String RUN_ID_LABEL = "gpu-train.jenkins.io/run-id";

    /** Label naming who started the run, when known. */
    public static final String OWNER_LABEL = "gpu-train.jenkins.io/owner";

    /** The value of a node selector entry that stands for the accelerator model, as in CML. */
    public static final String INFER = "infer";

    /**
     * Where the workspace is mounted (an {@code emptyDir}, writable for any user and under a read-only root file
     * system) and the training container's {@code workingDir}: every exec runs there, and gpu-train's exec commands
     * use paths relative to it, never this absolute path.
     */
    public static final String WORKSPACE = "/workspace";

    private static final String WORKSPACE_VOLUME = "workspace";
    private static final String SHM_VOLUME = "dshm";
    private static final String SECRET_FILE_VOLUME = "secret-file-";

    /**
     * Read-only ({@code 0444}): Secret files belong to root, and training images often run as another user, who must
     * still read them; nobody writes them.
     */
    private static final int SECRET_FILE_MODE = 0444;

    private final PodYamlMerger merger = new PodYamlMerger();

    /**
     * Builds the pod and checks it offline ({@link PodValidation}), for where no API server judges it before it is
     * created: {@code gpu-train pod} and the Pipeline's pod template.
     *
     * @param spec the validated spec
     * @return a new pod
     * @throws io.jenkins.plugins.gputrain.core.spec.InvalidSpecException when the extra YAML is not usable, or the
     *     pod is one the API server would refuse ({@link PodValidation})
     */
    public Pod create(TrainingPodSpec spec) {
        Pod pod = build(spec);
        PodValidation.check(pod);
        return pod;
    }

    /**
     * Builds the pod without the offline check, for an engine that lets the API server judge it (a server-side dry
     * run) before it creates it.
     *
     * @param spec the validated spec
     * @return a new pod
     * @throws io.jenkins.plugins.gputrain.core.spec.InvalidSpecException when the extra YAML is not usable
     */
    public Pod build(TrainingPodSpec spec) {
        Optional<Accelerator> gpus = spec.machine().gpus();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY_LABEL, MANAGED_BY);
        labels.put(RUN_ID_LABEL, spec.runId());
        if (spec.owner() != null) {
            labels.put(OWNER_LABEL, spec.owner());
        }
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(spec.podName())
                .withNamespace(spec.namespace())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withActiveDeadlineSeconds(
                        spec.optionalTimeout().map(t -> t.toSeconds()).orElse(null))
                .withNodeSelector(nodeSelector(spec, gpus))
                .withTolerations(tolerations(spec, gpus))
                .withServiceAccountName(spec.serviceAccountName())
                .withImagePullSecrets(spec.imagePullSecrets().stream()
                        .map(LocalObjectReference::new)
                        .toList())
                .withContainers(container(spec, gpus))
                .withVolumes(volumes(spec))
                .endSpec()
                .build();
        return spec.extraYaml() == null ? pod : merger.merge(pod, spec.extraYaml());
    }

    private static Map<String, String> nodeSelector(TrainingPodSpec spec, Optional<Accelerator> gpus) {
        Map<String, String> selector = new LinkedHashMap<>();
        spec.nodeSelector().labels().forEach((key, value) -> {
            if (!INFER.equals(value)) {
                selector.put(key, value);
            } else {
                gpus.ifPresent(g -> selector.put(key, g.model()));
            }
        });
        if (spec.nodeSelector().isEmpty()) {
            gpus.ifPresent(g -> selector.put(spec.acceleratorLabelKey(), g.model()));
        }
        return selector;
    }

    private static List<Toleration> tolerations(TrainingPodSpec spec, Optional<Accelerator> gpus) {
        List<Toleration> tolerations = new ArrayList<>();
        if (gpus.isPresent() && spec.gpuToleration()) {
            tolerations.add(toleration(new TaintToleration(spec.gpuResourceName(), null, "NoSchedule")));
        }
        spec.tolerations().stream().map(TrainingPodFactory::toleration).forEach(tolerations::add);
        return tolerations;
    }

    private static Toleration toleration(TaintToleration toleration) {
        return new TolerationBuilder()
                .withKey(toleration.key())
                .withOperator(toleration.operator())
                .withValue(toleration.value())
                .withEffect(toleration.effect())
                .build();
    }

    private static Container container(TrainingPodSpec spec, Optional<Accelerator> gpus) {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        limits.put("cpu", quantity(spec.machine().cpu()));
        limits.put("memory", quantity(spec.machine().memory()));
        gpus.ifPresent(g -> limits.put(spec.gpuResourceName(), new Quantity(String.valueOf(g.count()))));
        Map<String, Quantity> requests = new LinkedHashMap<>();
        if (spec.requestsEqualLimits()) {
            requests.put("cpu", quantity(spec.machine().cpu()));
            requests.put("memory", quantity(spec.machine().memory()));
        } else {
            // Explicit zeros, as CML writes: the API server copies a limit into a missing request.
            requests.put("cpu", new Quantity("0"));
            requests.put("memory", new Quantity("0"));
        }
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(spec.image())
                .withCommand(ContainerInit.COMMAND)
                .withWorkingDir(WORKSPACE)
                .withEnv(environment(spec))
                .withNewResources()
                .withRequests(requests)
                .withLimits(limits)
                .endResources()
                .withVolumeMounts(volumeMounts(spec))
                .build();
    }

    private static List<VolumeMount> volumeMounts(TrainingPodSpec spec) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(new VolumeMountBuilder()
                .withName(WORKSPACE_VOLUME)
                .withMountPath(WORKSPACE)
                .build());
        mounts.add(new VolumeMountBuilder()
                .withName(SHM_VOLUME)
                .withMountPath("/dev/shm")
                .build());
        for (int i = 0; i < spec.secretFiles().size(); i++) {
            SecretFile file = spec.secretFiles().get(i);
            mounts.add(new VolumeMountBuilder()
                    .withName(SECRET_FILE_VOLUME + i)
                    .withMountPath(file.path())
                    .withSubPath(file.key())
                    .withReadOnly(true)
                    .build());
        }
        return mounts;
    }

    private static List<Volume> volumes(TrainingPodSpec spec) {
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder()
                .withName(WORKSPACE_VOLUME)
                .withNewEmptyDir()
                .endEmptyDir()
                .build());
        volumes.add(shmVolume(spec));
        for (int i = 0; i < spec.secretFiles().size(); i++) {
            SecretFile file = spec.secretFiles().get(i);
            volumes.add(new VolumeBuilder()
                    .withName(SECRET_FILE_VOLUME + i)
                    .withNewSecret()
                    .withSecretName(file.secretName())
                    .withDefaultMode(SECRET_FILE_MODE)
                    .addNewItem()
                    .withKey(file.key())
                    .withPath(file.key())
                    .endItem()
                    .endSecret()
                    .build());
        }
        return volumes;
    }

    private static List<EnvVar> environment(TrainingPodSpec spec) {
        List<EnvVar> environment = new ArrayList<>(secretEnvironment(spec));
        spec.secretFiles()
                .forEach(file -> environment.add(new EnvVarBuilder()
                        .withName(file.pathVariable())
                        .withValue(file.path())
                        .build()));
        return environment;
    }

    private static List<EnvVar> secretEnvironment(TrainingPodSpec spec) {
        return spec.secretEnvironment().stream()
                .map(v -> new EnvVarBuilder()
                        .withName(v.name())
                        .withNewValueFrom()
                        .withNewSecretKeyRef()
                        .withName(v.secretName())
                        .withKey(v.key())
                        .endSecretKeyRef()
                        .endValueFrom()
                        .build())
                .toList();
    }

    private static Volume shmVolume(TrainingPodSpec spec) {
        ResourceQuantity memory = spec.machine().memory();
        ResourceQuantity size = spec.shmSize().amount().compareTo(memory.amount()) > 0 ? memory : spec.shmSize();
        return new VolumeBuilder()
                .withName(SHM_VOLUME)
                .withNewEmptyDir()
                .withMedium("Memory")
                .withSizeLimit(quantity(size))
                .endEmptyDir()
                .build();
    }

    private static Quantity quantity(ResourceQuantity quantity) {
        return new Quantity(quantity.value());
    }
}
