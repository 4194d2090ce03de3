package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.time.Instant;

/** A container's status as the kubelet writes it while it crash-loops, for tests: one builder for every state. */
final class ContainerStatuses {
    private ContainerStatuses() {}

    /**
     * A container's status.
     *
     * @param name the container's name
     * @param restarts its {@code restartCount}
     * @param state its state
     * @param last its last state, or {@code null}
     * @return the status
     */
    static ContainerStatus status(String name, int restarts, ContainerState state, ContainerState last) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withRestartCount(restarts)
                .withState(state)
                .withLastState(last)
                .build();
    }

    /** Waiting in {@code CrashLoopBackOff}, with the kubelet's message for that back-off of that container. */
    static ContainerState crashLoop(String container, String backOff) {
        return new ContainerStateBuilder()
                .withNewWaiting()
                .withReason("CrashLoopBackOff")
                .withMessage(
                        "back-off " + backOff + " restarting failed container=" + container + " pod=p20_test(6f1d2c9e)")
                .endWaiting()
                .build();
    }

    /** Running since a time, or with no time when {@code null}. */
    static ContainerState running(Instant since) {
        return new ContainerStateBuilder()
                .withNewRunning()
                .withStartedAt(since == null ? null : since.toString())
                .endRunning()
                .build();
    }

    /** Exited with a code ({@code Error}, or {@code Completed} for 0), between two times or with none. */
    static ContainerState exited(int code, Instant started, Instant finished) {
        return new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(code)
                .withReason(code == 0 ? "Completed" : "Error")
                .withStartedAt(started == null ? null : started.toString())
                .withFinishedAt(finished == null ? null : finished.toString())
                .endTerminated()
                .build();
    }
}
