package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /**
     * Whether the training container was told to stop by the time a command ended, as its PID 1's TERM trap leaves
     * it ({@code ContainerInit#STOPPED_MARKER}): the command's end, its exit code 0 included, may then be its answer
     * to that SIGTERM, its work cut short, while the pod's status still says Running (a kubelet sends its eviction
     * only once the containers stopped). Asked after each command that did not time out; none by default.
     *
     * @param pod the pod
     * @return what showed the stop, or empty when nothing did
     * @throws InterruptedException when interrupted
     */
    default Optional<String> stopSeen(PodResource pod) throws InterruptedException {
        return Optional.empty();
    }
}
