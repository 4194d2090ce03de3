package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The newest state of a pod that a watch delivered while its command ran, for when the pod is gone by the time the
 * command's end is read. A disrupting controller writes the {@code DisruptionTarget} condition, then deletes the pod;
 * kwok, and a kubelet whose containers stop at once, remove it within a second, so that a read finds nothing (404)
 * while the watch's {@code DELETED} event still carries the condition (observed on Kubernetes v1.35.4 with kwok
 * v0.8.0 for the eviction API, a {@code NoExecute} taint, preemption and the pod GC: {@code DisruptionIT}). A watch the
 * client ends for good (fabric8 does on HTTP 410 Gone, as a reconnect after an API server restart meets) is opened
 * again, with no resource version, so that it starts from the pod's current state.
 */
public final class WatchedPod implements PodWatch, AutoCloseable {
    /** How long a pod found gone waits for its {@code DELETED} event, which the API server sends as it removes it. */
    static final Duration DELETED_EVENT = Duration.ofSeconds(5);

    private final PodResource pod;
    private final Duration deletedEvent;
    private final DeliveredPodState state = new DeliveredPodState();

    private volatile boolean closed;
    private volatile Watch watch;

    private WatchedPod(PodResource pod, Duration deletedEvent) {
        this.pod = pod;
        this.deletedEvent = deletedEvent;
    }

    /**
     * Starts watching a pod; a watch the API server refuses leaves nothing seen (the run goes on without it).
     *
     * @param pod the pod
     * @return its watch
     * @throws InterruptedException when interrupted
     */
    public static WatchedPod of(PodResource pod) throws InterruptedException {
        return of(pod, DELETED_EVENT);
    }

    /** As {@link #of(PodResource)}, waiting the given time for the {@code DELETED} event of a pod found gone. */
    static WatchedPod of(PodResource pod, Duration deletedEvent) throws InterruptedException {
        WatchedPod watched = new WatchedPod(pod, deletedEvent);
        try {
            watched.open();
        } catch (KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "watching the pod");
            watched.state.end();
        }
        return watched;
    }

    /** Opens a watch with no resource version: it starts with the pod's current state. */
    private void open() {
        watch = pod.watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                state.delivered(action, pod);
            }

            @Override
            public void onClose(WatcherException cause) {
                // fabric8 ends a watch for good on HTTP 410 (a reconnect after an API server restart): watch again,
                // off the client's thread
                ForkJoinPool.commonPool().execute(WatchedPod.this::reopen);
            }
        });
    }

    private void reopen() {
        if (closed || state.ended()) {
            return;
        }
        try {
            open();
        } catch (KubernetesClientException e) {
            state.end();
        }
        if (closed) {
            watch.close();
        }
    }

    /**
     * The failure the pod's last state named, for a pod found gone: waits a while for its {@code DELETED} event
     * first.
     *
     * @return the failure, e.g. {@code The pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): …}, or
     *     empty when no state seen names one
     * @throws InterruptedException when interrupted while waiting
     */
    public Optional<PodFailure> gone() throws InterruptedException {
        return state.failure(deletedEvent);
    }

    /**
     * Whether the watch has delivered the pod being deleted (or its deletion), or its kubelet's eviction or
     * termination ({@link KubeletTermination}): a command that ends well then ended because of it, e.g. a training
     * that saved its checkpoint on the SIGTERM of an eviction and exited 0, and the pod's status is read as after an
     * abnormal end. Asked when the command's end is read: a deletion delivered later leaves the command's success.
     *
     * @return whether the pod is being stopped
     */
    public boolean stopping() {
        return state.stopping();
    }

    /**
     * Whether the newest state the watch delivered shows the training container terminated, the pod Failed or
     * Succeeded, or the pod being deleted: an exec into it is not tried.
     *
     * @return what the state shows, or empty while the container may still run
     */
    @Override
    public Optional<StoppedContainer> stoppedContainer() {
        return state.stoppedContainer();
    }

    @Override
    public void close() {
        closed = true;
        Watch current = watch;
        if (current != null) {
            current.close();
        }
    }
}
