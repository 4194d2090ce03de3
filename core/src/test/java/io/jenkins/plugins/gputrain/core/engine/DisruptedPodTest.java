package io.jenkins.plugins.gputrain.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.k8s.Disruptions;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodCopy;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodExec;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailure;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodWatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A pod disrupted while its command runs and gone (404) when the engine reads it afterwards, as on the real control
 * plane ({@code it/DisruptionIT}, Kubernetes v1.35.4 with kwok v0.8.0): the controller writes
 * {@code DisruptionTarget=True} in one MODIFIED event, then deletes the pod, which kwok removes at once (DELETED); the
 * command ends after that. The run names the disruption from the pod's watch and retries with a new pod.
 */
@EnableKubernetesMockClient(crud = true)
class DisruptedPodTest {
    KubernetesMockServer server;
    KubernetesClient client;

    private final RecordedProgress listener = new RecordedProgress();
    private final List<String> downloads = new CopyOnWriteArrayList<>();

    @Test
    void anEvictedPodGoneWhenTheBrokenExecEndsIsNamedByItsConditionAndRetried() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            if (pod.get().getMetadata().getName().endsWith("-r1")) {
                return new CommandResult(0, false);
            }
            disruptAndDelete(pod, "EvictionByEvictionAPI", "Eviction API: evicting");
            return new CommandResult(-1, false);
        };

        assertThat(run(exec, copying(), "v1")).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .contains("The pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): Eviction API: evicting;"
                        + " retrying with a new pod (1 of 1)");
        assertThat(downloads).containsExactly("gpu-train-v1-r1");
    }

    /** kwok leaves the command of a deleted pod running: it ends with exit code 0, and the copy back finds no pod. */
    @Test
    void aCopyBackThatFindsThePreemptedPodGoneIsThePreemptionRetried() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            if (!pod.get().getMetadata().getName().endsWith("-r1")) {
                disruptAndDelete(
                        pod,
                        "PreemptionByScheduler",
                        "default-scheduler: preempting to accommodate a higher priority pod");
            }
            return new CommandResult(0, false);
        };

        assertThat(run(exec, copying(), "v2")).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .contains("The pod is being stopped (DisruptionTarget: PreemptionByScheduler): default-scheduler:"
                        + " preempting to accommodate a higher priority pod; retrying with a new pod (1 of 1)");
        assertThat(downloads).containsExactly("gpu-train-v2-r1");
    }

    /**
     * On a real kubelet the evicted pod stays Terminating for its grace period, its condition written: a training
     * that saves a checkpoint on SIGTERM exits 0, and the copy back fails against the stopping container.
     */
    @Test
    void aCopyBackFailingAgainstATerminatingDisruptedPodIsTheDisruptionRetried() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            if (!pod.get().getMetadata().getName().endsWith("-r1")) {
                disrupt(pod, "EvictionByEvictionAPI", "Eviction API: evicting");
                pod.edit(p -> new PodBuilder(p)
                        .editMetadata()
                        .addToFinalizers("test/keep")
                        .endMetadata()
                        .build());
                pod.delete();
                pod.waitUntilCondition(p -> p.getMetadata().getDeletionTimestamp() != null, 20, TimeUnit.SECONDS);
            }
            return new CommandResult(0, false);
        };

        assertThat(run(exec, copying(), "v4")).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .contains("The pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): Eviction API: evicting;"
                        + " retrying with a new pod (1 of 1)");
        assertThat(downloads).containsExactly("gpu-train-v4-r1");
    }

    /**
     * The container keeps running through the grace period, so a copy back from the evicted, terminating pod can
     * succeed: a command that saved its checkpoint on SIGTERM and exited 0 is still the disruption, retried, and its
     * results are not taken from the stopped pod.
     */
    @Test
    void aCommandEndingWellInAPodBeingDeletedIsTheDisruptionRetried() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            if (!pod.get().getMetadata().getName().endsWith("-r1")) {
                disrupt(pod, "EvictionByEvictionAPI", "Eviction API: evicting");
                pod.edit(p -> new PodBuilder(p)
                        .editMetadata()
                        .addToFinalizers("test/keep")
                        .endMetadata()
                        .build());
                pod.delete();
                pod.waitUntilCondition(p -> p.getMetadata().getDeletionTimestamp() != null, 20, TimeUnit.SECONDS);
            }
            return new CommandResult(0, false);
        };
        PodCopy copyingFromAnyContainer = MockServerTraining.downloading((pod, paths) -> {
            downloads.add(pod.get().getMetadata().getName());
            return paths;
        });

        assertThat(run(exec, copyingFromAnyContainer, "v5")).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .contains("The pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): Eviction API: evicting;"
                        + " retrying with a new pod (1 of 1)");
        assertThat(downloads).containsExactly("gpu-train-v5-r1");
    }

    /**
     * A kubelet's eviction in its real order (v1.35.4 {@code kubelet.go} SyncTerminatingPod, {@code status_manager.go}
     * holding the status back while containers can run): the kubelet's SIGTERM reaches PID 1, whose trap leaves its
     * marker and passes the TERM on, the training saves and exits 0, and the exec after it finds the marker while the
     * pod's status still says Running (the eviction would come only once the container stopped). The run is that stop,
     * retried, and nothing is copied back from the stopped pod.
     */
    @Test
    void aCommandEndingWellOnTheKubeletsSigtermIsTheStopRetried() throws Exception {
        assertThat(run(stoppedUnlessRetry(0), copying(), "v6")).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .contains("The training container was told to stop (SIGTERM) by the time the command ended (its TERM"
                        + " trap left /workspace/.gpu-train-terminated): its exit code 0 may be its answer to that"
                        + " signal, its work cut short; the pod is being stopped (a kubelet eviction, a node shutdown,"
                        + " a deletion); retrying with a new pod (1 of 1)");
        assertThat(downloads).containsExactly("gpu-train-v6-r1");
    }

    /** A command that failed on the SIGTERM (143) is the same stop, retried, not the command's failure. */
    @Test
    void aCommandFailingOnTheKubeletsSigtermIsTheStopRetried() throws Exception {
        assertThat(run(stoppedUnlessRetry(143), copying(), "v9")).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .anyMatch(line -> line.contains("its exit code 143 may be its answer to that signal")
                        && line.endsWith("retrying with a new pod (1 of 1)"));
        assertThat(downloads).containsExactly("gpu-train-v9-r1");
    }

    /**
     * The stop the marker shows, named by the pod's status when that already says why: an eviction through the API
     * (its {@code DisruptionTarget}) stored before the command's end was read.
     */
    @Test
    void aStopWhosePodAlreadySaysWhyIsNamedByIt() throws Exception {
        PodExec exec = new PodExec() {
            @Override
            public CommandResult run(
                    PodResource pod, PodWatch watch, List<String> command, Duration timeout, ProgressListener out) {
                if (!pod.get().getMetadata().getName().endsWith("-r1")) {
                    disrupt(pod, "EvictionByEvictionAPI", "Eviction API: evicting");
                }
                return new CommandResult(0, false);
            }

            @Override
            public Optional<String> stopSeen(PodResource pod) {
                return trapMarker(pod);
            }
        };

        assertThat(run(exec, copying(), "v10")).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .contains("The pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): Eviction API: evicting;"
                        + " retrying with a new pod (1 of 1)");
        assertThat(downloads).containsExactly("gpu-train-v10-r1");
    }

    /**
     * The kubelet's eviction already stored when the command's exit code 0 is read: the run is the eviction, retried,
     * and nothing is copied back from the stopped container.
     */
    @Test
    void aCommandEndingWellInAPodTheKubeletEvictedIsTheEvictionRetried() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            if (!pod.get().getMetadata().getName().endsWith("-r1")) {
                evictByKubelet(pod);
            }
            return new CommandResult(0, false);
        };

        assertThat(run(exec, copying(), "v7")).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .contains("The pod was evicted: " + Disruptions.MEMORY_PRESSURE.strip()
                        + "; retrying with a new pod (1 of 1)");
        assertThat(downloads).containsExactly("gpu-train-v7-r1");
    }

    /**
     * A deletion (an eviction through the API: the condition, then the deletion) first seen after the command's exit
     * code 0 was read, here while the results are copied back, leaves the command's success: it is told, not retried.
     */
    @Test
    void aDeletionSeenOnlyAfterTheCommandEndedWellLeavesTheSuccess() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> new CommandResult(0, false);
        PodCopy copyingThenDeleted = MockServerTraining.downloading((pod, paths) -> {
            downloads.add(pod.get().getMetadata().getName());
            disrupt(pod, "EvictionByEvictionAPI", "Eviction API: evicting");
            pod.edit(p -> new PodBuilder(p)
                    .editMetadata()
                    .addToFinalizers("test/keep")
                    .endMetadata()
                    .build());
            pod.delete();
            pod.waitUntilCondition(p -> p.getMetadata().getDeletionTimestamp() != null, 20, TimeUnit.SECONDS);
            return paths;
        });

        assertThat(run(exec, copyingThenDeleted, "v8", false)).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .contains("the command finished (exit code 0) and its results are back; the pod was then stopped: The"
                        + " pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): Eviction API: evicting")
                .noneMatch(line -> line.contains("retrying"));
        assertThat(downloads).containsExactly("gpu-train-v8");
    }

    /** No condition was seen (deleted by someone): the deletion stays a node loss, as before the watch. */
    @Test
    void aPodDeletedWithoutAConditionIsSaidToBeDeletedWhileTheCommandRan() throws Exception {
        PodExec exec = (pod, watch, command, timeout, progress) -> {
            if (pod.get().getMetadata().getName().endsWith("-r1")) {
                return new CommandResult(0, false);
            }
            deleteAndAwait(pod);
            return new CommandResult(-1, false);
        };

        assertThat(run(exec, copying(), "v3")).isEqualTo(new CommandResult(0, false));

        assertThat(listener.progress)
                .contains("pod gpu-train-v3 was deleted while the command ran (by someone else, or by the pod garbage"
                        + " collector after its node went away); retrying with a new pod (1 of 1)");
    }

    /** The condition, then the deletion, each an event of the pod's watch; returns once the pod is gone. */
    private static void disruptAndDelete(PodResource pod, String reason, String message) throws PodFailureException {
        disrupt(pod, reason, message);
        deleteAndAwait(pod);
    }

    /** Writes the {@code DisruptionTarget} condition, as the disrupting controller does before it deletes the pod. */
    private static void disrupt(PodResource pod, String reason, String message) {
        Pod current = pod.get();
        current.setStatus(new PodStatusBuilder(current.getStatus())
                .addToConditions(new PodConditionBuilder()
                        .withType("DisruptionTarget")
                        .withStatus("True")
                        .withReason(reason)
                        .withMessage(message)
                        .build())
                .build());
        pod.updateStatus(current);
    }

    /** Stores the status the kubelet sends for the pod it evicted, once its container stopped. */
    private static void evictByKubelet(PodResource pod) {
        Pod current = pod.get();
        current.setStatus(Disruptions.kubeletEvicted());
        pod.updateStatus(current);
    }

    /** Deletes the pod (the mock server removes it at once, as kwok does) and waits until it is gone. */
    private static void deleteAndAwait(PodResource pod) throws PodFailureException {
        pod.delete();
        try {
            pod.informOnCondition(List::isEmpty).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new PodFailureException(new PodFailure(PodFailure.Kind.FAILED, "the test pod was not deleted"));
        }
    }

    /**
     * A command that ends with {@code exitCode} once PID 1's trap left its marker, in the first pod; the retry's
     * command ends well, unstopped.
     */
    private static PodExec stoppedUnlessRetry(int exitCode) {
        return new PodExec() {
            @Override
            public CommandResult run(
                    PodResource pod, PodWatch watch, List<String> command, Duration timeout, ProgressListener out) {
                return new CommandResult(pod.get().getMetadata().getName().endsWith("-r1") ? 0 : exitCode, false);
            }

            @Override
            public Optional<String> stopSeen(PodResource pod) {
                return trapMarker(pod);
            }
        };
    }

    /** What {@code ContainerExec} sees in the first pod, whose PID 1 trapped the TERM; nothing in the retry. */
    private static Optional<String> trapMarker(PodResource pod) {
        return pod.get().getMetadata().getName().endsWith("-r1")
                ? Optional.empty()
                : Optional.of("its TERM trap left /workspace/.gpu-train-terminated");
    }

    /** Copies nothing; fails as a copy from a pod that is gone does. */
    private PodCopy copying() {
        return MockServerTraining.downloading((pod, paths) -> {
            Pod current = pod.get();
            if (current == null) {
                throw new PodFailureException(
                        new PodFailure(PodFailure.Kind.FAILED, "copying the results back failed: pods not found"));
            }
            if (current.getMetadata().getDeletionTimestamp() != null
                    || "Failed".equals(current.getStatus().getPhase())) {
                throw new PodFailureException(new PodFailure(
                        PodFailure.Kind.FAILED, "copying the results back failed: container not running"));
            }
            downloads.add(current.getMetadata().getName());
            return paths;
        });
    }

    /** Runs pod {@code gpu-train-ID} and, when it fails, its retry {@code gpu-train-ID-r1}, playing their kubelet. */
    private CommandResult run(PodExec exec, PodCopy copy, String id) throws Exception {
        return run(exec, copy, id, true);
    }

    private CommandResult run(PodExec exec, PodCopy copy, String id, boolean retried) throws Exception {
        CompletableFuture<CommandResult> result = MockServerTraining.start(
                server,
                MockServerTraining.training(client, listener, exec, copy)
                        .retrying(1)
                        .sleepingWith(pause -> {}),
                id,
                null);
        MockServerTraining.makeRunning(client, "gpu-train-" + id);
        if (retried) {
            MockServerTraining.makeRunning(client, "gpu-train-" + id + "-r1");
        }
        return result.get(30, TimeUnit.SECONDS);
    }
}
