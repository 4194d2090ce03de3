package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * The pod that goes on to be created, and whether it is the API server's: defaulted and admitted by a dry run, or
 * as gpu-train built it when the dry run was skipped ({@link PodDryRun}).
 *
 * @param pod the pod
 * @param byServer whether the API server returned it from the dry run
 */
public record AdmittedPod(Pod pod, boolean byServer) {}
