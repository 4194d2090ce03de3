package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * Why the command ended abnormally, read from the pod before anything else is done with it: an eviction, OOM kill,
 * deadline or node shutdown ends the exec with exit code 137 (SIGKILL), 143 (SIGTERM), -1 (no status) or a broken
 * stream, and only the pod's status names the reason. The kubelet writes that status shortly after the container
 * stops, so the pod is read a few times while its container still looks alive.
 */
public final class PodOutcome {
    /** Reads of the pod status while the container still looks alive. */
    static final int READS = 5;

    /** Pause between the reads. */
    static final Duration PAUSE = Duration.ofSeconds(2);

    private final Sleeper sleeper;

    /** Reads with the given pause between attempts. */
    public PodOutcome(Sleeper sleeper) {
        this.sleeper = sleeper;
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
     * The pod's failure after an abnormal end of the command.
     *
     * @param pod the pod
     * @param name its name, for the message
     * @return the failure the status names, or empty when the pod and its container are fine
     * @throws InterruptedException when interrupted
     */
    public Optional<PodFailure> after(PodResource pod, String name) throws InterruptedException {
        for (int read = 1; ; read++) {
            Pod current;
            try {
                current = pod.get();
            } catch (KubernetesClientException e) {
                ClientInterrupts.rethrowIfInterrupted(e, "reading the pod status");
                return Optional.empty();
            }
            if (current == null) {
                return Optional.of(new PodFailure(
                        PodFailure.Kind.NODE_LOST,
                        "pod " + name + " was deleted while the command ran (by someone else, or by the pod garbage"
                                + " collector after its node went away)"));
            }
            PodStatus status = PodStatus.of(current);
            if (status.optionalFailure().isPresent()) {
                return status.optionalFailure();
            }
            if (read >= READS || !containerAlive(current)) {
                return Optional.empty();
            }
            sleeper.sleep(PAUSE);
        }
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
