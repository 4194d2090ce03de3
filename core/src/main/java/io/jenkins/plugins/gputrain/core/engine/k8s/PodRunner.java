package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.OutputTail;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One training pod's life: create it, wait with a watch until it runs (reporting phase changes and, while Pending,
 * the scheduler's reason; failing fast on image, configuration, OOM, eviction and deadline problems, on a training
 * container that exited before it ran, and on a pending timeout), run the command in container {@code dvc} with its output streamed, and delete the pod on every path
 * (success, command failure, timeout, interrupt, API error), gracefully: the pod's own
 * {@code terminationGracePeriodSeconds}, never a forced deletion that frees the GPU while the container may still run.
 * A pod deleted or disrupted (eviction API, preemption, taint) after its command finished with exit code 0 and the
 * work returned (results copied back) is no failure: the stop is logged and the result returned. A pod its kubelet
 * evicted or terminated ({@link KubeletTermination}) is that failure even then: the kubelet sends that status only
 * once the containers stopped, so the command's exit code 0 may be its answer to the kubelet's SIGTERM. When the pod fails after the command ran,
 * the command's last output lines are printed ({@link OutputTail}; the
 * container's log is that of {@code sleep}). The kubelet's retried errors ({@code ErrImagePull},
 * {@code CreateContainerConfigError}, {@code CreateContainerError}, {@code CrashLoopBackOff}) fail the pod once they
 * persist for as long as {@link KubeletBackOff} allows (a crash loop followed across the restarts between its
 * back-offs, {@link BackOffClock}), the failure naming the kubelet's last pull error. While it waits for the pod to run, an API server that does not answer (restarted, failed
 * over) is waited for up to {@link ApiOutage#LIMIT}, told once. Creation refused by a quota is retried ({@link PodCreation}); API calls refused with HTTP
 * 5xx or 429 are retried with backoff by the fabric8 client itself ({@code requestRetryBackoffLimit},
 * {@code requestRetryBackoffInterval}).
 */
public final class PodRunner {
    private static final long POLL_MILLIS = 200;

    /**
     * How long the wait goes without an event before it reads the pod anyway: a watch the API server keeps refusing
     * (fabric8 retries it for ever and never reports it closed, e.g. "the required storage feature
     * RequestWatchProgress is disabled" from an API server on an old etcd) must not hold the run Pending for ever.
     */
    static final Duration RESYNC = Duration.ofSeconds(10);
    /** Lines of the command's output printed when the pod fails after the command ran. */
    public static final int LOG_TAIL_LINES = 20;

    private static final Object CLOSED = new Object();

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration pendingTimeout;
    private final ProgressListener listener;
    private final Sleeper sleeper;
    private final PendingBudget budget;
    private final Supplier<String> createIds;

    /**
     * Creates a runner.
     *
     * @param client the cluster connection
     * @param clock the time source for the pending timeout
     * @param pendingTimeout how long the pod may stay Pending, or {@code null} for no limit
     * @param listener receives progress and output
     */
    public PodRunner(KubernetesClient client, Clock clock, Duration pendingTimeout, ProgressListener listener) {
        this(client, clock, Sleeper.THREAD, pendingTimeout, listener);
    }

    /**
     * Creates a runner.
     *
     * @param client the cluster connection
     * @param clock the time source for the pending timeout and the kubelet's back-off
     * @param sleeper waits between creation attempts refused by a quota
     * @param pendingTimeout how long the pod may stay Pending, or {@code null} for no limit
     * @param listener receives progress and output
     */
    public PodRunner(
            KubernetesClient client, Clock clock, Sleeper sleeper, Duration pendingTimeout, ProgressListener listener) {
        this(client, clock, sleeper, pendingTimeout, listener, null, UncertainCreation::newCreateId);
    }

    private PodRunner(
            KubernetesClient client,
            Clock clock,
            Sleeper sleeper,
            Duration pendingTimeout,
            ProgressListener listener,
            PendingBudget budget,
            Supplier<String> createIds) {
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pendingTimeout = pendingTimeout;
        this.listener = listener;
        this.budget = budget;
        this.createIds = createIds;
    }

    /**
     * This runner with the pending timeout's deadline given rather than counted from the pod's creation, so that what
     * was waited before it (the preflight's wait for nodes to recover) comes out of the same budget.
     *
     * @param pending the pod's pending timeout, with its deadline on this runner's clock
     * @return the runner
     */
    public PodRunner within(PendingBudget pending) {
        return new PodRunner(client, clock, sleeper, pendingTimeout, listener, pending, createIds);
    }

    /**
     * This runner with the ids its creates label their pods with taken from {@code ids} rather than random, for a
     * test that stores what an earlier attempt of the create stored.
     */
    PodRunner withCreateIds(Supplier<String> ids) {
        return new PodRunner(client, clock, sleeper, pendingTimeout, listener, budget, ids);
    }

    /**
     * Creates a pod, does the work in it once it runs, and deletes it.
     *
     * @param pod the pod to create (named, with a namespace or the client's default)
     * @param work what to do in the running pod
     * @return how the training command ended
     * @throws PodFailureException when the pod fails or never runs
     * @throws InterruptedException when interrupted; the pod is deleted first
     */
    public CommandResult run(Pod pod, PodWork work) throws PodFailureException, InterruptedException {
        return run(pod, new OutputTail(ProgressListener.quiet(), LOG_TAIL_LINES), work);
    }

    /**
     * Creates a pod, does the work in it once it runs, and deletes it.
     *
     * @param pod the pod to create (named, with a namespace or the client's default)
     * @param tail the command's output, kept by the work's exec; printed when the pod fails after the command ran
     * @param work what to do in the running pod
     * @return how the training command ended
     * @throws PodFailureException when the pod fails or never runs
     * @throws InterruptedException when interrupted; the pod is deleted first
     */
    public CommandResult run(Pod pod, OutputTail tail, PodWork work) throws PodFailureException, InterruptedException {
        String namespace = Optional.ofNullable(pod.getMetadata().getNamespace()).orElse(client.getNamespace());
        String name = pod.getMetadata().getName();
        PodResource resource = client.pods().inNamespace(namespace).withName(name);
        PendingBudget pending = budget == null ? PendingBudget.from(clock.instant(), pendingTimeout) : budget;
        UncertainCreation creation = new UncertainCreation(
                new CreatedObject(Leftovers.Kind.POD, namespace, name, createIds.get()),
                client,
                listener,
                clock,
                sleeper);
        boolean created = false;
        try {
            new PodCreation(client, namespace, sleeper, listener, pending, clock).create(pod, creation);
            created = true;
            listener.progress("created pod " + namespace + "/" + name);
            try {
                waitUntilRunning(resource, namespace, name, pending);
            } catch (KubernetesClientException e) {
                ClientInterrupts.rethrowIfInterrupted(e, "waiting for the pod");
                throw e;
            }
            CommandResult result = work.run(resource);
            if (result.timedOut()) {
                return result;
            }
            Pod after;
            try {
                after = resource.get();
            } catch (KubernetesClientException e) {
                ClientInterrupts.rethrowIfInterrupted(e, "reading the pod after the command");
                if (result.exitCode() != 0) {
                    throw e;
                }
                // the command succeeded and its results are back: an API server that does not answer now changes
                // nothing of that
                listener.progress("the command finished (exit code 0) and its results are back; pod " + name
                        + " could not be read afterwards: " + e.getMessage());
                return result;
            }
            Optional<PodFailure> failure = after == null
                    ? Optional.empty()
                    : PodStatus.of(after).optionalFailure().map(f -> explained(f, namespace, name));
            if (failure.isPresent()) {
                if (result.exitCode() != 0 || KubeletTermination.shownBy(after)) {
                    throw new PodFailureException(failure.get());
                }
                listener.progress("the command finished (exit code 0) and its results are back; the pod was then"
                        + " stopped: " + failure.get().message());
            }
            return result;
        } catch (PodFailureException e) {
            if (e.failure().kind().containerMayHaveRun()) {
                printTail(tail, name);
            }
            throw e;
        } catch (InterruptedException e) {
            // the wait that took the interrupt (the watch's events, the exit code) cleared the thread's flag; set
            // again, it tells ResourceDeletion the run is being stopped (and the Secret's deletion after it)
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            if (created) {
                delete(namespace, name);
            } else {
                creation.deleteWhatItMayHaveStored();
            }
        }
    }

    private void waitUntilRunning(PodResource resource, String namespace, String name, PendingBudget pending)
            throws PodFailureException, InterruptedException {
        PendingWatcher watcher = new PendingWatcher();
        String during = "waiting for pod " + name;
        ApiOutage outage = new ApiOutage(clock, listener);
        Watch watch = null;
        try {
            Pod current = null;
            boolean fresh = false;
            Instant read = clock.instant();
            String last = null;
            BackOffClock backOffs = new BackOffClock();
            String pullError = null;
            while (true) {
                try {
                    if (watch == null) {
                        watch = resource.watch(watcher);
                    }
                    if (!fresh) {
                        current = resource.get();
                        read = clock.instant();
                        fresh = true;
                        outage.answered(during);
                    }
                } catch (KubernetesClientException e) {
                    ClientInterrupts.rethrowIfInterrupted(e, during);
                    if (!outage.tolerate(e, during)) {
                        throw e;
                    }
                }
                if (fresh) {
                    if (current == null) {
                        throw new PodFailureException(goneBeforeRun(watcher, namespace, name));
                    }
                    PodStatus status = PodStatus.of(current);
                    pullError = status.optionalPullError().orElse(pullError);
                    Optional<Duration> retried = backOffs.lasted(current, status, clock.instant());
                    if (!status.describe().equals(last)) {
                        last = status.describe();
                        listener.progress("pod " + name + " is " + last);
                    }
                    if (status.optionalFailure().isPresent()) {
                        throw new PodFailureException(explained(status.failure(), namespace, name));
                    }
                    Optional<PodFailure> exited = exitedBeforeRun(current, status);
                    if (exited.isPresent()) {
                        throw new PodFailureException(exited.get());
                    }
                    if (status.isRunning()) {
                        return;
                    }
                    if (retried.isPresent()) {
                        PodFailure backOff = status.backOff();
                        Duration allowance = KubeletBackOff.allowance(backOff.kind());
                        if (retried.get().compareTo(allowance) >= 0) {
                            throw new PodFailureException(persisting(backOff, allowance, pullError));
                        }
                    }
                    if (pending.deadline().isPresent()
                            && clock.instant().isAfter(pending.deadline().get())) {
                        String node = current.getSpec() == null
                                ? null
                                : current.getSpec().getNodeName();
                        Optional<String> mount = node == null
                                ? Optional.empty()
                                : PodEvents.of(client, namespace, name).latest(PodEvents.MOUNT_REASONS);
                        if (mount.isPresent()) {
                            throw new PodFailureException(new PodFailure(
                                    PodFailure.Kind.MOUNT,
                                    "pod " + name + " was scheduled to node " + node + ", but its volumes were"
                                            + " still not mounted after " + pending.describe()
                                            + " of the kubelet's retries: "
                                            + mount.get()));
                        }
                        throw new PodFailureException(new PodFailure(
                                PodFailure.Kind.UNSCHEDULABLE,
                                "pod " + name
                                        + " is still " + status.describe() + " after " + pending.describe()
                                        + (status.unschedulable()
                                                ? ""
                                                : " (not unschedulable: check the image and the node)")));
                    }
                }
                Object event = watcher.events.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (event == CLOSED) {
                    listener.progress("the watch of pod " + name + " closed; resuming");
                    watch.close();
                    watch = null;
                    fresh = false;
                } else if (event != null
                        || Duration.between(read, clock.instant()).compareTo(RESYNC) >= 0) {
                    fresh = false;
                }
            }
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }

    /**
     * A pod whose training container ended before a command could run in it: phase {@code Succeeded} (every container
     * exited 0, {@code restartPolicy: Never}: the kubelet's getPhase) or container {@value TrainingPodFactory#CONTAINER}
     * terminated while another keeps the pod Running, e.g. a {@code --pod-yaml} that replaced its keepalive command.
     * Nothing can be run in it, and it would be waited on for ever.
     */
    private static Optional<PodFailure> exitedBeforeRun(Pod pod, PodStatus status) {
        Optional<ContainerStateTerminated> terminated = pod.getStatus() == null
                ? Optional.empty()
                : pod.getStatus().getContainerStatuses().stream()
                        .filter(c -> TrainingPodFactory.CONTAINER.equals(c.getName()))
                        .map(ContainerStatus::getState)
                        .filter(state -> state != null && state.getTerminated() != null)
                        .map(ContainerState::getTerminated)
                        .findFirst();
        if (terminated.isEmpty() && !"Succeeded".equals(status.phase())) {
            return Optional.empty();
        }
        String exit = terminated
                .map(t -> " (Exit Code: " + t.getExitCode() + ", Reason: " + t.getReason() + ")")
                .orElse("");
        return Optional.of(new PodFailure(
                PodFailure.Kind.FAILED,
                "Container " + TrainingPodFactory.CONTAINER + " exited" + exit + " before the command could run in"
                        + " it (pod phase " + status.phase() + "); it must keep running: does the pod YAML replace"
                        + " its command or args?"));
    }

    /**
     * A retried failure that outlasted its allowance; an image pull names the kubelet's last pull error when the
     * back-off's message does not (a kubelet restarted meanwhile forgets it: {@code image_manager.go} keeps it in
     * memory).
     */
    private static PodFailure persisting(PodFailure backOff, Duration allowance, String pullError) {
        String lastError = backOff.kind() == PodFailure.Kind.IMAGE_PULL
                        && pullError != null
                        && !backOff.message().endsWith(pullError.substring(pullError.indexOf(": ") + 2))
                ? "; the kubelet's last pull error: " + pullError
                : "";
        return new PodFailure(
                backOff.kind(),
                backOff.message() + lastError + " (still after " + DurationSpec.format(allowance)
                        + " of the kubelet's retries)");
    }

    /**
     * A pod found gone (404) before it ran: named by the last state its watch delivered, e.g. the taint-eviction
     * controller's {@code DisruptionTarget} condition, written a moment before it deletes the pod (retryable).
     * Without such a state it was deleted by someone else, not retried: the controllers that delete pods write that
     * condition first (v1.35.4: {@code pkg/controller/tainteviction}, {@code podgc}, the eviction API, preemption),
     * and a pod not yet scheduled is removed at once, with no {@code deletionTimestamp} to see
     * ({@code pkg/registry/core/pod/strategy.go} CheckGracefulDelete).
     */
    private PodFailure goneBeforeRun(PendingWatcher watcher, String namespace, String name)
            throws InterruptedException {
        PodFailure failure = watcher.lastState()
                .orElseGet(() -> new PodFailure(
                        PodFailure.Kind.DELETED,
                        "The pod was deleted by someone other than gpu-train (before it ran: pod " + name
                                + " was gone, with no DisruptionTarget condition naming a controller)"));
        return explained(failure, namespace, name);
    }

    /**
     * The pending pod's watch: an event only says that something changed, the state is read afresh, since events can
     * arrive late and older than what was already read; the newest state delivered is kept for a pod found gone.
     */
    private static final class PendingWatcher implements Watcher<Pod> {
        private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        private final DeliveredPodState state = new DeliveredPodState();

        @Override
        public void eventReceived(Action action, Pod pod) {
            state.delivered(action, pod);
            events.add(action);
        }

        @Override
        public void onClose(WatcherException cause) {
            events.add(CLOSED);
        }

        /**
         * The failure the last state delivered names, after waiting up to {@link WatchedPod#DELETED_EVENT} for the
         * {@code DELETED} event, which carries the pod's final state.
         */
        Optional<PodFailure> lastState() throws InterruptedException {
            return state.failure(WatchedPod.DELETED_EVENT);
        }
    }

    /** A deletion by someone else, with the pod's newest event when there is one (who stopped it, e.g. kubelet). */
    private PodFailure explained(PodFailure failure, String namespace, String name) {
        if (failure.kind() != PodFailure.Kind.DELETED) {
            return failure;
        }
        return PodEvents.of(client, namespace, name)
                .latest()
                .map(event -> new PodFailure(failure.kind(), failure.message() + "; the pod's last event: " + event))
                .orElse(failure);
    }

    private void printTail(OutputTail tail, String name) {
        List<String> lines = tail.lines();
        if (lines.isEmpty()) {
            return;
        }
        listener.progress("last " + lines.size() + " lines of the command's output in pod " + name + ":");
        lines.forEach(listener::error);
    }

    private void delete(String namespace, String name) {
        ResourceDeletion.delete(
                CreatedObject.named(Leftovers.Kind.POD, namespace, name),
                client,
                c -> c.pods().inNamespace(namespace).withName(name).delete(),
                listener);
    }
}
