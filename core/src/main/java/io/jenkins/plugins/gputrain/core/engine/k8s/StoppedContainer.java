package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * A training container that no exec can reach any more, as a state of its pod shows it: the container terminated,
 * the pod Failed or Succeeded, or the pod being deleted. The kubelet answers an exec into a container that no longer
 * runs with HTTP 500 (Kubernetes v1.35 {@code pkg/kubelet/server/server.go} {@code getExec}: the runtime's error
 * written by {@code streaming.WriteError}), so such an exec is doomed.
 *
 * @param description what the pod's state shows, e.g. {@code container dvc terminated (OOMKilled, exit code 137)}
 */
public record StoppedContainer(String description) {
    /**
     * What a pod's state says of its training container.
     *
     * @param pod a state of the pod
     * @return the stop, or empty while the container may still run
     */
    static Optional<StoppedContainer> of(Pod pod) {
        Optional<ContainerStateTerminated> terminated = pod.getStatus() == null
                ? Optional.empty()
                : pod.getStatus().getContainerStatuses().stream()
                        .filter(c -> TrainingPodFactory.CONTAINER.equals(c.getName()))
                        .map(ContainerStatus::getState)
                        .filter(Objects::nonNull)
                        .map(ContainerState::getTerminated)
                        .filter(Objects::nonNull)
                        .findFirst();
        if (terminated.isPresent()) {
            String reason = terminated.get().getReason();
            return Optional.of(new StoppedContainer("container " + TrainingPodFactory.CONTAINER + " terminated ("
                    + (reason == null || reason.isBlank() ? "" : reason + ", ") + "exit code "
                    + terminated.get().getExitCode() + ")"));
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Failed".equals(phase) || "Succeeded".equals(phase)) {
            return Optional.of(new StoppedContainer("pod phase " + phase));
        }
        if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
            return Optional.of(new StoppedContainer("the pod being deleted"));
        }
        return Optional.empty();
    }
}
