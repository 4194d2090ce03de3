package io.jenkins.plugins.gputrain.core.engine;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gputrain.core.engine.k8s.NodePreflight;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodCopy;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodExec;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailure;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodRunner;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A training run on a Kubernetes pod: check that some node can take it (unless turned off), create the pod, wait until
 * it runs, copy the workspace in, run the command in the container's working directory (the workspace,
 * {@value TrainingPodFactory#WORKSPACE}) with its output streamed, copy the results back (also after a failed command),
 * and delete the pod on every path.
 */
public final class KubernetesTraining {
    private final KubernetesClient client;
    private final Clock clock;
    private final Duration pendingTimeout;
    private final boolean preflight;
    private final ProgressListener listener;
    private final PodExec exec;
    private final PodCopy transfer;

    /**
     * Creates a training run.
     *
     * @param client the cluster connection
     * @param clock the time source for the pending timeout
     * @param pendingTimeout how long the pod may stay Pending, or {@code null}
     * @param preflight whether to check first that some node can take the pod ({@link NodePreflight})
     * @param listener receives progress and output
     * @param exec runs the command in the pod
     * @param transfer copies the workspace and the results
     */
    public KubernetesTraining(
            KubernetesClient client,
            Clock clock,
            Duration pendingTimeout,
            boolean preflight,
            ProgressListener listener,
            PodExec exec,
            PodCopy transfer) {
        this.client = client;
        this.clock = clock;
        this.pendingTimeout = pendingTimeout;
        this.preflight = preflight;
        this.listener = listener;
        this.exec = exec;
        this.transfer = transfer;
    }

    /**
     * Runs the training.
     *
     * @param spec the pod spec
     * @param workspace the workspace, copied in; the results ({@link TrainingWorkspace#resultPaths}) are copied back
     * @param command the training command
     * @param timeout how long it may run, or {@code null}
     * @return how it ended
     * @throws PodFailureException when the pod fails or never runs, or the preflight finds no node for it
     * @throws InterruptedException when interrupted; the pod is deleted first
     */
    public CommandResult run(TrainingPodSpec spec, TrainingWorkspace workspace, List<String> command, Duration timeout)
            throws PodFailureException, InterruptedException {
        List<String> results;
        try {
            results = workspace.resultPaths();
        } catch (IOException e) {
            throw new PodFailureException(new PodFailure(PodFailure.Kind.FAILED, e.getMessage()));
        }
        Pod pod = new TrainingPodFactory().create(spec);
        listener.progress("pod " + spec.podName() + ": " + spec.summary());
        if (preflight) {
            new NodePreflight(client, listener).check(pod);
        }
        return new PodRunner(client, clock, pendingTimeout, listener).run(pod, resource -> {
            transfer.upload(resource, workspace, listener);
            listener.progress("running in pod " + spec.podName() + ": " + String.join(" ", command));
            CommandResult result = exec.run(resource, command, timeout, listener);
            if (!result.timedOut()) {
                transfer.download(resource, workspace, results, listener);
            }
            return result;
        });
    }
}
