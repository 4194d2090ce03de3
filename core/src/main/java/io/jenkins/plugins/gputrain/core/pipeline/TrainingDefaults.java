package io.jenkins.plugins.gputrain.core.pipeline;

import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import java.io.Serializable;

/**
 * Values a {@code gpuTrain} argument falls back to when the Jenkinsfile leaves it out: the administrator's global
 * configuration, itself falling back to {@link #BUILT_IN}. {@code null} means "not set" for the optional ones.
 *
 * @param cloud the kubernetes-plugin cloud name, or {@code null} for {@link #DEFAULT_CLOUD}
 * @param namespace the namespace, or {@code null} for the cloud's
 * @param image the training image
 * @param nodeSelector node labels, {@code key=value[,key=value…]}, or {@code null}
 * @param cpuMemory the machine, e.g. {@code 1-2000} or {@code m}
 * @param gpuResourceName the extended resource that counts GPUs
 * @param acceleratorLabelKey the node label for the accelerator model when GPUs are asked for without a selector
 * @param gpuToleration whether pods asking for GPUs tolerate the GPU taint
 * @param baseline the revision reports compare with
 * @param pendingTimeout how long the agent pod may take to come online, e.g. {@code 10m}, or {@code null}
 * @param timeout how long the pod may run, e.g. {@code 2h}, or {@code null}
 * @param retries new pods after a lost agent pod (spot reclaim, eviction)
 * @param dvcRemoteCredentialsId credentials for the DVC remote, or {@code null}
 */
public record TrainingDefaults(
        String cloud,
        String namespace,
        String image,
        String nodeSelector,
        String cpuMemory,
        String gpuResourceName,
        String acceleratorLabelKey,
        boolean gpuToleration,
        String baseline,
        String pendingTimeout,
        String timeout,
        int retries,
        String dvcRemoteCredentialsId)
        implements Serializable {

    /** The cloud the kubernetes-plugin's {@code podTemplate} step uses when none is named. */
    public static final String DEFAULT_CLOUD = "kubernetes";

    /** The default baseline revision. */
    public static final String DEFAULT_BASELINE = "main";

    /** The default machine, CML's {@code m}. */
    public static final String DEFAULT_CPU_MEMORY = "m";

    /** The default number of retries on a lost agent pod. */
    public static final int DEFAULT_RETRIES = 1;

    /** What applies when nobody configured anything. */
    public static final TrainingDefaults BUILT_IN = new TrainingDefaults(
            null,
            null,
            TrainingPodSpec.DEFAULT_IMAGE,
            null,
            DEFAULT_CPU_MEMORY,
            TrainingPodSpec.DEFAULT_GPU_RESOURCE,
            TrainingPodSpec.DEFAULT_ACCELERATOR_LABEL,
            true,
            DEFAULT_BASELINE,
            null,
            null,
            DEFAULT_RETRIES,
            null);
}
