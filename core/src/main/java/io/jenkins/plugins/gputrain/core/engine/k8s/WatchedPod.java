package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The newest state of a pod that a watch delivered while its command ran, for when the pod is gone by the time the
 * command's end is read. A disrupting controller writes the {@code DisruptionTarget} condition, then deletes the pod;
 * kwok, and a kubelet whose containers stop at once, remove it within a second, so that a read finds nothing (404)
 * while the watch's {@code DELETED} event still carries the condition (observed on Kubernetes v1.35.4 with kwok
 * v0.8.0 for the eviction API, a {@code NoExecute} taint, preemption and the pod GC: {@code DisruptionIT}).
 */
public final class WatchedPod implements AutoCloseable {
    /** How long a pod found gone waits for its {@code DELETED} event, which the API server sends as it removes it. */
    static final Duration DELETED_EVENT = Duration.ofSeconds(5);

    private final AtomicReference<Pod> latest = new AtomicReference<>();
    /** Completed by the {@code DELETED} event, or when the watch closes or cannot start: no more states come. */
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private Watch watch;

    private WatchedPod() {}

    /**
     * Starts watching a pod; a watch the API server refuses leaves nothing seen (the run goes on without it).
     *
     * @param pod the pod
     * @return its watch
     * @throws InterruptedException when interrupted
     */
    public static WatchedPod of(PodResource pod) throws InterruptedException {
        WatchedPod watched = new WatchedPod();
        try {
            watched.watch = pod.watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, Pod state) {
                    watched.latest.set(state);
                    if (action == Action.DELETED) {
                        watched.ended.complete(null);
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                    watched.ended.complete(null);
                }
            });
        } catch (KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "watching the pod");
            watched.ended.complete(null);
        }
        return watched;
    }

    /**
     * The failure the pod's last state named, for a pod found gone: waits up to {@link #DELETED_EVENT} for its
     * {@code DELETED} event first.
     *
     * @return the failure, e.g. {@code The pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): …}, or
     *     empty when no state seen names one
     */
    public Optional<PodFailure> gone() {
        ended.completeOnTimeout(null, DELETED_EVENT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        Pod last = latest.get();
        return last == null ? Optional.empty() : PodStatus.of(last).optionalFailure();
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }
}
