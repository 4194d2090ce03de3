package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Why the command ended abnormally, read from the pod before anything else is done with it: an eviction, OOM kill,
 * deadline or node shutdown ends the exec with exit code 137 (SIGKILL), 143 (SIGTERM), -1 (no status) or a broken
 * stream, and only the pod's status names the reason. The kubelet writes that status shortly after the container
 * stops, so the pod is read a few times while its container still looks alive. A lost node writes nothing for its
 * grace period: when the exec broke and the pod still looks alive, the node is read ({@link NodeLiveness}). A pod
 * already gone is named by what its watch last delivered ({@link WatchedPod}).
 */
public final class PodOutcome {
    /** Reads of the pod status while the container still looks alive. */
    static final int READS = 5;

    /** Pause between the reads. */
    static final Duration PAUSE = Duration.ofSeconds(2);

    private final Sleeper sleeper;
    private final NodeLiveness nodes;

    /**
     * Reads with the given pause between attempts.
     *
     * @param client the cluster connection, to read the pod's node when the exec broke
     * @param clock the time, to compare with the node's lease
     * @param sleeper waits between the reads
     */
    public PodOutcome(KubernetesClient client, Clock clock, Sleeper sleeper) {
        this.sleeper = sleeper;
        this.nodes = new NodeLiveness(client, clock);
    }

    /**
     * Whether a command's end calls for the pod status: killed by a signal, no exit status, or a broken exec.
     *
     * @param result how the command ended
     * @return whether it ended abnormally
     */
    public static boolean abnormal(CommandResult result) {
        return !result.timedOut() && (result.exitCode() < 0 || result.exitCode() > 128);
    }

    /**
     * Whether a command's end says nothing of the container (no exit status, {@code -1}): the exec's stream broke,
     * as when the node is lost, so the node is read as well.
     *
     * @param result how the command ended
     * @return whether the exec broke
     */
    public static boolean broken(CommandResult result) {
        return !result.timedOut() && result.exitCode() < 0;
    }

    /**
     * The pod's failure after an abnormal end of the command.
     *
     * @param pod the pod
     * @param watched the pod's watch while the command ran: a pod already gone is named by the last state it
     *     delivered (a {@code DisruptionTarget} condition), else it is a node loss
     * @param name its name, for the message
     * @param execBroke whether the exec broke (no exit status, a broken stream, a failed exec): then a pod that still
     *     looks alive after the reads has its node read ({@link NodeLiveness}), since the node controller writes a
     *     lost node's pods only after its grace period
     * @return the failure the status names, or empty when the pod and its container are fine
     * @throws InterruptedException when interrupted
     */
    public Optional<PodFailure> after(PodResource pod, WatchedPod watched, String name, boolean execBroke)
            throws InterruptedException {
        for (int read = 1; ; read++) {
            Pod current;
            try {
                current = pod.get();
            } catch (KubernetesClientException e) {
                ClientInterrupts.rethrowIfInterrupted(e, "reading the pod status");
                return Optional.empty();
            }
            if (current == null) {
                return Optional.of(watched.gone()
                        .orElseGet(() -> new PodFailure(
                                PodFailure.Kind.NODE_LOST,
                                "pod " + name + " was deleted while the command ran (by someone else, or by the pod"
                                        + " garbage collector after its node went away)")));
            }
            PodStatus status = PodStatus.of(current);
            if (status.optionalFailure().isPresent()) {
                return status.optionalFailure();
            }
            if (!containerAlive(current)) {
                return Optional.empty();
            }
            if (read >= READS) {
                return execBroke ? nodes.lost(current) : Optional.empty();
            }
            sleeper.sleep(PAUSE);
        }
    }

    /**
     * Why a copy failed after the command ended: the pod's own status (a disrupted pod stays Terminating with its
     * {@code DisruptionTarget} condition for its grace period, while its container stops), else its node lost (e.g.
     * {@code error dialing backend}: the API server cannot reach the node's kubelet), or the pod gone (404), named by
     * the last state its watch delivered.
     *
     * @param pod the pod
     * @param watched the pod's watch while the command ran
     * @return the pod's failure, the node loss or the gone pod's failure, or empty when nothing names a failure
     * @throws InterruptedException when interrupted
     */
    public Optional<PodFailure> afterFailedCopy(PodResource pod, WatchedPod watched) throws InterruptedException {
        Pod current;
        try {
            current = pod.get();
        } catch (KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "reading the pod status");
            return Optional.empty();
        }
        if (current == null) {
            return watched.gone();
        }
        Optional<PodFailure> own = PodStatus.of(current).optionalFailure();
        return own.isPresent() ? own : nodes.lost(current);
    }

    private static boolean containerAlive(Pod pod) {
        return pod.getStatus() != null
                && "Running".equals(pod.getStatus().getPhase())
                && pod.getStatus().getContainerStatuses().stream()
                        .filter(c -> TrainingPodFactory.CONTAINER.equals(c.getName()))
                        .map(ContainerStatus::getState)
                        .allMatch(state -> state == null || state.getTerminated() == null);
    }
}
