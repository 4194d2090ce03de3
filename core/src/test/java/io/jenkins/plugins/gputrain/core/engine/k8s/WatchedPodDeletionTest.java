package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pod found gone waits for its {@code DELETED} event: the condition a disrupting controller writes, delivered only
 * once that wait began, still names it; and the wait gives way to an interrupt. The training container terminated in
 * the newest state delivered is a stopped container, for which no exec is run.
 */
@EnableKubernetesMockClient(crud = true)
class WatchedPodDeletionTest {
    KubernetesClient client;

    @Test
    @Timeout(30)
    void aConditionDeliveredOnlyOnceTheWaitBeganNamesTheGonePod() throws Exception {
        PodResource pod = created("d1");
        try (WatchedPod watched = WatchedPod.of(pod, Duration.ofSeconds(25))) {
            CompletableFuture<Optional<PodFailure>> gone = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try {
                    gone.complete(watched.gone());
                } catch (InterruptedException e) {
                    gone.completeExceptionally(e);
                }
            });
            waiter.start();
            awaitWaiting(waiter);

            Pod current = pod.get();
            current.setStatus(new PodStatusBuilder(current.getStatus())
                    .addToConditions(Disruptions.byTaintManager())
                    .build());
            pod.updateStatus(current);
            pod.delete();

            assertThat(gone.get(20, TimeUnit.SECONDS))
                    .map(PodFailure::message)
                    .contains("The pod is being stopped (DisruptionTarget: DeletionByTaintManager): Taint manager:"
                            + " deleting due to NoExecute taint");
        }
    }

    @Test
    @Timeout(30)
    void theWaitForTheDeletedEventGivesWayToAnInterrupt() throws Exception {
        try (WatchedPod watched = WatchedPod.of(created("d2"), Duration.ofHours(1))) {
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                try {
                    watched.gone();
                    ended.complete(null);
                } catch (InterruptedException e) {
                    ended.complete(e);
                }
            });
            waiter.start();
            awaitWaiting(waiter);
            waiter.interrupt();

            assertThat(ended.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    @Timeout(30)
    void theTrainingContainerTerminatedInTheNewestStateIsAStoppedContainer() throws Exception {
        PodResource pod = created("d3");
        try (WatchedPod watched = WatchedPod.of(pod, Duration.ofSeconds(25))) {
            assertThat(watched.stoppedContainer()).as("a running pod").isEmpty();
            Pod current = pod.get();
            current.setStatus(new PodStatusBuilder(current.getStatus())
                    .addNewContainerStatus()
                    .withName("dvc")
                    .withNewState()
                    .withNewTerminated()
                    .withReason("OOMKilled")
                    .withExitCode(137)
                    .endTerminated()
                    .endState()
                    .endContainerStatus()
                    .build());
            pod.updateStatus(current);
            // the DELETED event, which the wait for a gone pod awaits, carries the status written before
            pod.delete();
            watched.gone();

            assertThat(watched.stoppedContainer())
                    .contains(new StoppedContainer("container dvc terminated (OOMKilled, exit code 137)"));
        }
    }

    /** Returns once the thread waits, as {@link WatchedPod#gone()} does for the {@code DELETED} event. */
    private static void awaitWaiting(Thread thread) {
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }

    private PodResource created(String name) {
        client.pods()
                .inNamespace("test")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace("test")
                        .endMetadata()
                        .withNewStatus()
                        .withPhase("Running")
                        .endStatus()
                        .build())
                .create();
        return client.pods().inNamespace("test").withName(name);
    }
}
