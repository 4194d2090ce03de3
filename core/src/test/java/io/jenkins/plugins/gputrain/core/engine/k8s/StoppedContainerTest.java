package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

/**
 * What a pod's state says of its training container for an exec: terminated (with or without a reason), the pod
 * Failed or Succeeded, or being deleted, each named; a running container, a waiting one, or another container
 * terminated, nothing.
 */
class StoppedContainerTest {
    @Test
    void aTerminatedTrainingContainerIsNamedWithItsReasonAndExitCode() {
        assertThat(StoppedContainer.of(pod("Running", null, terminated("dvc", "OOMKilled", 137))))
                .contains(new StoppedContainer("container dvc terminated (OOMKilled, exit code 137)"));
        assertThat(StoppedContainer.of(pod("Running", null, terminated("dvc", null, 1))))
                .contains(new StoppedContainer("container dvc terminated (exit code 1)"));
    }

    @Test
    void aFinishedPodOrOneBeingDeletedIsNamed() {
        assertThat(StoppedContainer.of(pod("Failed", null, running("dvc"))))
                .contains(new StoppedContainer("pod phase Failed"));
        assertThat(StoppedContainer.of(pod("Succeeded", null))).contains(new StoppedContainer("pod phase Succeeded"));
        assertThat(StoppedContainer.of(pod("Running", "2026-12-07T00:00:00Z", running("dvc"))))
                .contains(new StoppedContainer("the pod being deleted"));
    }

    @Test
    void aRunningOrWaitingTrainingContainerOrAnotherOneTerminatedIsNoStop() {
        assertThat(StoppedContainer.of(pod("Running", null, running("dvc"), terminated("sidecar", "Error", 2))))
                .isEmpty();
        assertThat(StoppedContainer.of(pod(
                        "Pending",
                        null,
                        new ContainerStatusBuilder()
                                .withName("dvc")
                                .withNewState()
                                .withNewWaiting()
                                .withReason("ContainerCreating")
                                .endWaiting()
                                .endState()
                                .build())))
                .isEmpty();
        assertThat(StoppedContainer.of(
                        new PodBuilder().withNewMetadata().endMetadata().build()))
                .as("no status yet")
                .isEmpty();
    }

    private static Pod pod(String phase, String deletionTimestamp, ContainerStatus... containers) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withDeletionTimestamp(deletionTimestamp)
                .endMetadata()
                .withNewStatus()
                .withPhase(phase)
                .withContainerStatuses(containers)
                .endStatus()
                .build();
    }

    private static ContainerStatus running(String name) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .build();
    }

    private static ContainerStatus terminated(String name, String reason, int exitCode) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withNewState()
                .withNewTerminated()
                .withReason(reason)
                .withExitCode(exitCode)
                .endTerminated()
                .endState()
                .build();
    }
}
