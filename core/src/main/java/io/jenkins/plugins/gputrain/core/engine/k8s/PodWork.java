package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;

/** What is done in a pod once it runs: copy the workspace in, run the command, copy the results back. */
@FunctionalInterface
public interface PodWork {
    /**
     * Works in the pod.
     *
     * @param pod the running pod
     * @return how the training command ended
     * @throws PodFailureException when the work cannot be done in the pod
     * @throws InterruptedException when interrupted
     */
    CommandResult run(PodResource pod) throws PodFailureException, InterruptedException;
}
