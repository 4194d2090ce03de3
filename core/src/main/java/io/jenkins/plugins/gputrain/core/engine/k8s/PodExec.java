package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.time.Duration;
import java.util.List;

/** Runs a command in a running pod's training container. */
@FunctionalInterface
public interface PodExec {
    /**
     * Runs a command.
     *
     * @param pod the pod
     * @param watch the pod's watch: once it shows the training container stopped, no exec is run in it
     * @param command the command
     * @param timeout how long it may run, or {@code null}
     * @param listener receives its output line by line
     * @return how it ended
     * @throws PodFailureException when the command cannot be run in the pod
     * @throws InterruptedException when interrupted
     */
    CommandResult run(
            PodResource pod, PodWatch watch, List<String> command, Duration timeout, ProgressListener listener)
            throws PodFailureException, InterruptedException;
}
