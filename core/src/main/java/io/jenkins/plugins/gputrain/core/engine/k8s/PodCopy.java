package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.TrainingWorkspace;
import java.util.List;

/** Copies the workspace into a running pod and the results back ({@link WorkspaceTransfer}). */
public interface PodCopy {
    /**
     * Copies the workspace in.
     *
     * @param pod the running pod
     * @param workspace the workspace
     * @param listener receives progress
     * @throws PodFailureException when the copy fails
     * @throws InterruptedException when interrupted
     */
    void upload(PodResource pod, TrainingWorkspace workspace, ProgressListener listener)
            throws PodFailureException, InterruptedException;

    /**
     * Copies results back.
     *
     * @param pod the pod
     * @param workspace the workspace
     * @param paths repository paths of the results
     * @param listener receives progress
     * @return the files copied back
     * @throws PodFailureException when the copy fails
     * @throws InterruptedException when interrupted
     */
    List<String> download(PodResource pod, TrainingWorkspace workspace, List<String> paths, ProgressListener listener)
            throws PodFailureException, InterruptedException;
}
