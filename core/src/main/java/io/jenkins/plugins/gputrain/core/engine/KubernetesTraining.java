package io.jenkins.plugins.gputrain.core.engine;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gputrain.core.engine.k8s.AdmittedPod;
import io.jenkins.plugins.gputrain.core.engine.k8s.ContainerExec;
import io.jenkins.plugins.gputrain.core.engine.k8s.NodePreflight;
import io.jenkins.plugins.gputrain.core.engine.k8s.PendingBudget;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodCopy;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodDryRun;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodExec;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailure;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodOutcome;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodRunner;
import io.jenkins.plugins.gputrain.core.engine.k8s.Sleeper;
import io.jenkins.plugins.gputrain.core.engine.k8s.WatchedPod;
import io.jenkins.plugins.gputrain.core.engine.k8s.WorkspaceTransfer;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.ByteSize;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A training run on a Kubernetes pod: let the API server judge the merged pod ({@link PodDryRun}: a server-side dry
 * run, the authoritative validation; gpu-train's own {@code PodValidation} is for where no API server is asked), check
 * that some node can take the pod as the API server returned it, defaulted and admitted (unless turned off; only a
 * warning when the dry run was skipped), create
 * the pod, wait until
 * it runs, copy the workspace in, run the command in the container's working directory (the workspace,
 * {@value TrainingPodFactory#WORKSPACE}) with its output streamed, copy the results back (also after a failed command),
 * and delete the pod on every path. When the command ends abnormally (killed by a signal, no exit status, a broken
 * exec) the pod's status is read before anything is copied back ({@link PodOutcome}), so that an eviction, OOM kill,
 * deadline, node shutdown or lost node is named (a 137 of a container still alive is said to be a SIGKILL, possibly
 * out of memory, with the memory limit; a copy back that fails on a lost node is that node loss; a pod already gone,
 * as a disrupted pod soon is, is named by the last state its watch during the work delivered, {@link WatchedPod}); a retryable failure ({@link PodFailure.Kind#retryable()}) is retried with a new
 * pod up to {@link #retrying(int)} times. A command's end that came after its container was told to stop
 * ({@link PodExec#stopSeen}: the TERM trap's marker, seen before anything is copied back) is such a disruption, its
 * exit code 0 included, even while the pod's status still says Running; one before the command started (nothing lost) is replaced without counting,
 * while half the pending timeout is left, up to {@link #UNSTARTED_REPLACEMENTS} times.
 */
public final class KubernetesTraining {
    /** The exit status of a command killed by SIGKILL (128 + 9). */
    private static final int SIGKILLED = 137;

    /** The longest pod name (a DNS subdomain). */
    private static final int MAX_NAME = 253;

    private final KubernetesClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pendingTimeout;
    private final boolean preflight;
    private final ProgressListener listener;
    private final PodExec exec;
    private final PodCopy transfer;
    private final int retries;

    /**
     * How many pods that failed retryably before their command started (disrupted or rejected while Pending: no work
     * lost) are replaced without counting against the retries, within the same pending timeout; a bound, so that a
     * node whose kubelet keeps refusing pods the scheduler keeps sending cannot make the run churn pods.
     */
    static final int UNSTARTED_REPLACEMENTS = 3;

    /** The pause before such a replacement, so that a kubelet that keeps refusing pods is not sent them in a burst. */
    static final Duration REPLACEMENT_PAUSE = Duration.ofSeconds(5);

    /**
     * The training as the Jenkins build step runs it: on the system clock, with the preflight, the command exec'd into
     * the training container ({@link ContainerExec}) and workspaces of up to {@link WorkspaceArchive#DEFAULT_MAX_SIZE};
     * no retries.
     *
     * @param client the cluster connection
     * @param pendingTimeout how long the pod may stay Pending, or {@code null}
     * @param listener receives progress and output
     * @return the training
     */
    public static KubernetesTraining ofBuildStep(
            KubernetesClient client, Duration pendingTimeout, ProgressListener listener) {
        return new KubernetesTraining(
                client,
                Clock.systemUTC(),
                pendingTimeout,
                true,
                listener,
                new ContainerExec(),
                new WorkspaceTransfer(ByteSize.parse("maxWorkspaceSize", WorkspaceArchive.DEFAULT_MAX_SIZE)));
    }

    /**
     * Creates a training run that does not retry.
     *
     * @param client the cluster connection
     * @param clock the time source for the pending timeout
     * @param pendingTimeout how long the pod may stay Pending, the preflight's wait for nodes to recover included, or
     *     {@code null}
     * @param preflight whether to check first that some node can take the pod ({@link NodePreflight})
     * @param listener receives progress and output
     * @param exec runs the command in the pod
     * @param transfer copies the workspace and the results
     */
    public KubernetesTraining(
            KubernetesClient client,
            Clock clock,
            Duration pendingTimeout,
            boolean preflight,
            ProgressListener listener,
            PodExec exec,
            PodCopy transfer) {
        this(client, clock, Sleeper.THREAD, pendingTimeout, preflight, listener, exec, transfer, 0);
    }

    private KubernetesTraining(
            KubernetesClient client,
            Clock clock,
            Sleeper sleeper,
            Duration pendingTimeout,
            boolean preflight,
            ProgressListener listener,
            PodExec exec,
            PodCopy transfer,
            int retries) {
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pendingTimeout = pendingTimeout;
        this.preflight = preflight;
        this.listener = listener;
        this.exec = exec;
        this.transfer = transfer;
        this.retries = retries;
    }

    /**
     * The same run, retrying a retryable pod failure (eviction, disruption, admission rejection, node shutdown) with
     * a new pod.
     *
     * @param times how many new pods at most (0: none)
     * @return the run
     */
    public KubernetesTraining retrying(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, not " + times);
        }
        return new KubernetesTraining(
                client, clock, sleeper, pendingTimeout, preflight, listener, exec, transfer, times);
    }

    /**
     * The same run with another way to wait (between the pod status reads and quota retries), for tests.
     *
     * @param waits how to wait
     * @return the run
     */
    public KubernetesTraining sleepingWith(Sleeper waits) {
        return new KubernetesTraining(
                client, clock, waits, pendingTimeout, preflight, listener, exec, transfer, retries);
    }

    /**
     * Runs the training.
     *
     * @param spec the pod spec
     * @param workspace the workspace, copied in; the results ({@link TrainingWorkspace#resultPaths}) are copied back
     * @param command the training command
     * @param timeout how long it may run, or {@code null}
     * @return how it ended
     * @throws PodFailureException when the API server refuses the pod, the pod fails or never runs, or the preflight
     *     finds no node for it
     * @throws InterruptedException when interrupted; the pod is deleted first
     */
    public CommandResult run(TrainingPodSpec spec, TrainingWorkspace workspace, List<String> command, Duration timeout)
            throws PodFailureException, InterruptedException {
        List<String> results;
        try {
            results = workspace.resultPaths();
        } catch (IOException e) {
            throw new PodFailureException(new PodFailure(PodFailure.Kind.FAILED, e.getMessage()));
        }
        Pod pod = new TrainingPodFactory().build(spec);
        listener.progress("pod " + spec.podName() + ": " + spec.summary());
        Instant pendingSince = clock.instant();
        PendingBudget pending = PendingBudget.from(pendingSince, pendingTimeout);
        AdmittedPod admitted = new PodDryRun(client, sleeper, listener).admitted(pod, pending, clock);
        if (preflight) {
            Instant nodeWaitSince = clock.instant();
            new NodePreflight(client, listener, clock, sleeper).check(admitted, pending);
            pending = pending.afterNodeWait(Duration.between(nodeWaitSince, clock.instant()));
        }
        int retried = 0;
        int replaced = 0;
        for (int attempt = 0; ; attempt++) {
            Pod attemptPod = attempt == 0 ? pod : renamed(pod, attempt);
            AtomicBoolean commandStarted = new AtomicBoolean();
            try {
                return runOnce(attemptPod, workspace, command, timeout, results, pending, commandStarted);
            } catch (PodFailureException e) {
                if (!e.failure().kind().retryable()) {
                    throw e;
                }
                if (!commandStarted.get() && replaced < UNSTARTED_REPLACEMENTS && halfLeft(pending)) {
                    replaced++;
                    listener.progress(e.getMessage() + "; its command had not started: replacing it with a new pod"
                            + " within the pending timeout (not counted against the retries) in "
                            + REPLACEMENT_PAUSE.toSeconds() + " s");
                    sleeper.sleep(REPLACEMENT_PAUSE);
                    continue;
                }
                if (retried >= retries) {
                    throw e;
                }
                retried++;
                listener.progress(e.getMessage() + "; retrying with a new pod (" + retried + " of " + retries + ")");
                pending = PendingBudget.from(clock.instant(), pendingTimeout);
            }
        }
    }

    /**
     * Whether at least half the pending timeout is left (there is one): a replacement started later could end at the
     * pending timeout, which is not retried, where a counted retry gets a pending timeout of its own.
     */
    private boolean halfLeft(PendingBudget pending) {
        return pending.deadline().isPresent()
                && Duration.between(clock.instant(), pending.deadline().get())
                                .compareTo(pending.timeout().orElseThrow().dividedBy(2))
                        >= 0;
    }

    private CommandResult runOnce(
            Pod pod,
            TrainingWorkspace workspace,
            List<String> command,
            Duration timeout,
            List<String> results,
            PendingBudget pending,
            AtomicBoolean commandStarted)
            throws PodFailureException, InterruptedException {
        String name = pod.getMetadata().getName();
        OutputTail tail = new OutputTail(listener, PodRunner.LOG_TAIL_LINES);
        PodOutcome outcome = new PodOutcome(client, clock, sleeper);
        return new PodRunner(client, clock, sleeper, pendingTimeout, listener)
                .within(pending)
                .run(pod, tail, resource -> {
                    try (WatchedPod watched = WatchedPod.of(resource)) {
                        try {
                            transfer.upload(resource, workspace, listener);
                        } catch (PodFailureException e) {
                            throw outcome.afterFailedCopy(resource, watched)
                                    .map(PodFailureException::new)
                                    .orElse(e);
                        }
                        listener.progress("running in pod " + name + ": " + String.join(" ", command));
                        commandStarted.set(true);
                        CommandResult result;
                        try {
                            result = exec.run(resource, watched, command, timeout, tail);
                        } catch (PodFailureException e) {
                            throw new PodFailureException(
                                    outcome.after(resource, watched, name, true).orElse(e.failure()));
                        }
                        if (!result.timedOut()) {
                            Optional<String> stop = exec.stopSeen(resource);
                            if (stop.isPresent()) {
                                throw new PodFailureException(outcome.afterFailedCopy(resource, watched)
                                        .orElse(stoppedDuring(result, stop.get())));
                            }
                        }
                        if (PodOutcome.abnormal(result) || watched.stopping()) {
                            Optional<PodFailure> failure =
                                    outcome.after(resource, watched, name, PodOutcome.broken(result));
                            if (failure.isPresent()) {
                                throw new PodFailureException(failure.get());
                            }
                            if (result.exitCode() == SIGKILLED) {
                                listener.progress("the command was killed by SIGKILL, possibly out of memory (the"
                                        + " container's memory limit is " + memoryLimit(pod) + ")");
                            }
                        }
                        if (!result.timedOut()) {
                            try {
                                transfer.download(resource, workspace, results, listener);
                            } catch (PodFailureException e) {
                                throw outcome.afterFailedCopy(resource, watched)
                                        .map(PodFailureException::new)
                                        .orElse(e);
                            }
                        }
                        return result;
                    }
                });
    }

    /**
     * A command whose end came after its container was told to stop, while the pod's status does not say so yet (a
     * kubelet sends its eviction or node shutdown only once the containers stopped): a disruption, retried.
     */
    private static PodFailure stoppedDuring(CommandResult result, String seen) {
        return new PodFailure(
                PodFailure.Kind.DISRUPTED,
                "The training container was told to stop (SIGTERM) by the time the command ended (" + seen
                        + "): its exit code " + result.exitCode() + " may be its answer to that signal, its work cut"
                        + " short; the pod is being stopped (a kubelet eviction, a node shutdown, a deletion)");
    }

    /** The training container's memory limit as written in the pod, or {@code none}. */
    private static String memoryLimit(Pod pod) {
        return pod.getSpec().getContainers().stream()
                .filter(c -> TrainingPodFactory.CONTAINER.equals(c.getName()))
                .map(Container::getResources)
                .filter(Objects::nonNull)
                .map(ResourceRequirements::getLimits)
                .filter(Objects::nonNull)
                .map(limits -> limits.get("memory"))
                .filter(Objects::nonNull)
                .map(Quantity::toString)
                .findFirst()
                .orElse("none");
    }

    /** The pod for a retry: the same, named {@code NAME-rN}, its name cut to stay a valid DNS subdomain. */
    static Pod renamed(Pod pod, int attempt) {
        String suffix = "-r" + attempt;
        String name = pod.getMetadata().getName();
        String base = name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length()))
                .replaceAll("[-.]+$", "");
        return new PodBuilder(pod)
                .editMetadata()
                .withName(base + suffix)
                .endMetadata()
                .build();
    }
}
