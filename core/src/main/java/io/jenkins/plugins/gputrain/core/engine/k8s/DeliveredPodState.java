package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watcher;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The newest state of a pod that its watch delivered, for a pod found gone (404): the {@code DELETED} event carries
 * the pod's final state, e.g. the {@code DisruptionTarget} condition a controller wrote a moment before it deleted it.
 */
final class DeliveredPodState {
    private final AtomicReference<Pod> latest = new AtomicReference<>();
    /** Completed by the {@code DELETED} event, or when no watch can be opened: no more states come. */
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    /** Keeps a state the watch delivered. */
    void delivered(Watcher.Action action, Pod state) {
        latest.set(state);
        if (action == Watcher.Action.DELETED) {
            ended.complete(null);
        }
    }

    /** No more states come: the watch cannot be opened. */
    void end() {
        ended.complete(null);
    }

    boolean ended() {
        return ended.isDone();
    }

    /**
     * Whether a state delivered says the pod is being stopped or gone: its {@code deletionTimestamp}, a DELETED, or
     * its kubelet's eviction or termination ({@link KubeletTermination}).
     */
    boolean stopping() {
        Pod last = latest.get();
        return last != null
                && (last.getMetadata() != null && last.getMetadata().getDeletionTimestamp() != null
                        || ended.isDone()
                        || KubeletTermination.shownBy(last));
    }

    /** What the newest state delivered shows of the training container, when it is stopped. */
    Optional<StoppedContainer> stoppedContainer() {
        return Optional.ofNullable(latest.get()).flatMap(StoppedContainer::of);
    }

    /**
     * The failure the last state names, after waiting up to {@code wait} for the {@code DELETED} event.
     *
     * @param wait how long to wait for the {@code DELETED} event
     * @return the failure, or empty when no state seen names one
     * @throws InterruptedException when interrupted while waiting
     */
    Optional<PodFailure> failure(Duration wait) throws InterruptedException {
        try {
            ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // no DELETED event in time (the future is never failed): the last state seen is all there is
        }
        Pod last = latest.get();
        return last == null ? Optional.empty() : PodStatus.of(last).optionalFailure();
    }
}
