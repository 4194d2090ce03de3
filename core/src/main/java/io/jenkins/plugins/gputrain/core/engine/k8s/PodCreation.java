package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Creates the pod, for real or as a server-side dry run, retrying what a {@code ResourceQuota} refuses for now: HTTP
 * 403 {@code exceeded quota} (other pods hold the quota until they end), HTTP 403 {@code status unknown for quota}
 * (the quota controller has not yet computed a new quota's usage) and HTTP 409 other than {@code AlreadyExists} (the
 * quota admission's conflicting update of the quota object). The quota admission judges a dry run as a create, only
 * without recording the usage ({@code checkQuotas} in k8s.io/apiserver v0.35.4,
 * {@code pkg/admission/plugin/resourcequota/controller.go}). Backoff doubles from {@link #FIRST_PAUSE},
 * {@link #ATTEMPTS} attempts in all; other refusals (RBAC, invalid pod) are thrown at once. HTTP 5xx and 429 are
 * retried by the fabric8 client itself. The retries of the dry run and of the real create come out of the pod's
 * {@link PendingBudget}: a pause never outlasts what is left of it, and a quota that still refuses once it has ended fails the run with the
 * quota's own refusal.
 */
final class PodCreation {
    static final int ATTEMPTS = 6;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);

    private final KubernetesClient client;
    private final String namespace;
    private final Sleeper sleeper;
    private final ProgressListener listener;
    private final PendingBudget budget;
    private final Clock clock;
    private boolean interruptedBeforeReadingExisting;

    /**
     * Creates pods in a namespace.
     *
     * @param budget the pod's pending timeout, which bounds the quota retries
     * @param clock the time, on the budget's clock
     */
    PodCreation(
            KubernetesClient client,
            String namespace,
            Sleeper sleeper,
            ProgressListener listener,
            PendingBudget budget,
            Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.sleeper = sleeper;
        this.listener = listener;
        this.budget = budget;
        this.clock = clock;
    }

    /**
     * Creates the pod; a refusal for invalid fields (HTTP 422, which a skipped dry run leaves to this create) is the
     * API server's {@code field: message} ({@link InvalidPod}). A resend of a create whose answer was lost
     * ({@link UncertainCreation}) can meet the pod its first attempt stored, as {@code 409 AlreadyExists} or as a
     * quota refusal that pod causes (the quota admission runs before the name is checked): a pod under the name with
     * this run's id, not being deleted, is then the one created, told in one line. After {@code 409 AlreadyExists}
     * the stored pod is read through an API server that does not answer for up to {@link ApiOutage#LIMIT}; when it
     * still cannot be read, one line names the {@code kubectl} command that deletes it if it is this run's.
     *
     * @throws PodFailureException ({@link PodFailure.Kind#REFUSED}) when the API server finds fields invalid;
     *     ({@link PodFailure.Kind#UNSCHEDULABLE}) when a quota still refuses the pod at the end of the pending timeout
     * @throws KubernetesClientException when the API server refuses the pod otherwise or does not answer
     */
    void create(Pod pod) throws PodFailureException, InterruptedException {
        try {
            retryingQuota(
                    () -> client.pods().inNamespace(namespace).resource(pod).create(),
                    pod,
                    () -> storedEarlier(pod, false));
        } catch (KubernetesClientException e) {
            if (UncertainCreation.alreadyExists(e) && storedEarlier(pod, true)) {
                return;
            }
            throw InvalidPod.refusal(e, pod.getMetadata().getName(), "the create")
                    .orElseThrow(() -> e);
        }
    }

    /**
     * Whether the pod stored under the name is the one sent, stored by an earlier attempt of this create; told when it
     * is.
     *
     * @param exists whether the API server said that a pod of that name exists ({@code 409 AlreadyExists}); then one
     *     that cannot be read is named with the command to delete it
     */
    private boolean storedEarlier(Pod pod, boolean exists) throws InterruptedException {
        String name = pod.getMetadata().getName();
        Pod stored;
        try {
            stored = exists ? readThroughOutage(name) : read(name);
        } catch (InterruptedException e) {
            if (exists) {
                interruptedBeforeReadingExisting = true;
                tellUnread(pod, "interrupted while reading it");
            }
            throw e;
        } catch (KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "reading pod " + name);
            if (exists) {
                tellUnread(pod, ApiErrors.firstLine(e));
            }
            return false;
        }
        if (!UncertainCreation.sameRun(pod, stored)) {
            return false;
        }
        listener.progress("pod " + name + " exists with this run's id: an earlier attempt of the create stored it, its"
                + " answer lost; using it");
        return true;
    }

    /**
     * Whether the create was interrupted after {@code 409 AlreadyExists} before the pod under the name could be read:
     * that pod may be another run's, so it must not be deleted by its name alone.
     */
    boolean interruptedBeforeReadingExisting() {
        return interruptedBeforeReadingExisting;
    }

    /** Names the command that deletes the pod under the name if it carries this run's id. */
    private void tellUnread(Pod pod, String why) {
        String runId = UncertainCreation.runId(pod);
        if (runId == null) {
            return;
        }
        String name = pod.getMetadata().getName();
        listener.progress("pod " + name + " already exists and could not be read (" + why + "): an earlier attempt"
                + " of this create, its answer lost, may have stored it; if it is this run's, delete it with: kubectl"
                + " delete pod -n " + namespace + " -l " + TrainingPodFactory.RUN_ID_LABEL + "=" + runId
                + " --field-selector metadata.name=" + name);
    }

    private Pod read(String name) {
        return client.pods().inNamespace(namespace).withName(name).get();
    }

    /** Reads the pod, trying again while the API server does not answer ({@link ApiOutage}), pausing 1 s, 2 s, … */
    private Pod readThroughOutage(String name) throws InterruptedException {
        String during = "reading pod " + name + ", which the create found existing";
        ApiOutage outage = new ApiOutage(clock, listener);
        Duration pause = Duration.ofSeconds(1);
        while (true) {
            try {
                Pod stored = read(name);
                outage.answered(during);
                return stored;
            } catch (KubernetesClientException e) {
                ClientInterrupts.rethrowIfInterrupted(e, during);
                if (!outage.tolerate(e, during)) {
                    throw e;
                }
                sleeper.sleep(outage.pauseWithin(pause));
                pause = pause.multipliedBy(2);
            }
        }
    }

    /**
     * Creates the pod with {@code dryRun=All}: validated and admitted (defaulted, mutated), nothing stored. Its quota
     * retries come out of the same pending budget as the real create's.
     *
     * @return the pod as the API server would store it
     */
    Pod dryRun(Pod pod) throws PodFailureException, InterruptedException {
        return retryingQuota(
                () -> client.pods()
                        .inNamespace(namespace)
                        .resource(pod)
                        .dryRun()
                        .create(),
                pod,
                () -> false);
    }

    /**
     * Creates, retrying quota refusals; {@code storedEarlier} says, before each pause, whether the refusal was of a
     * resend that met the pod its first attempt stored (then that pod is the one created).
     */
    private Pod retryingQuota(Supplier<Pod> creation, Pod pod, StoredEarlier storedEarlier)
            throws PodFailureException, InterruptedException {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return creation.get();
            } catch (KubernetesClientException e) {
                ClientInterrupts.rethrowIfInterrupted(e, "creating the pod");
                if (!quotaRefusal(e)) {
                    throw e;
                }
                if (storedEarlier.check()) {
                    return pod;
                }
                String name = pod.getMetadata().getName();
                Instant now = clock.instant();
                if (budget.passed(now)) {
                    throw new PodFailureException(new PodFailure(
                            PodFailure.Kind.UNSCHEDULABLE,
                            "pod " + name + " was still refused at the end of " + budget.describe() + ": "
                                    + refusal(e)));
                }
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                Duration left = budget.left(now);
                Duration wait = left != null && left.compareTo(pause) < 0 ? left : pause;
                listener.progress("creating pod " + name + " was refused for now (" + ApiErrors.firstLine(e)
                        + "); retrying in " + DurationSpec.format(wait));
                sleeper.sleep(wait);
                pause = pause.multipliedBy(2);
            }
        }
    }

    /** The API server's own message, e.g. {@code pods "p" is forbidden: exceeded quota: gpu, requested: …}. */
    private static String refusal(KubernetesClientException e) {
        String message = e.getStatus() == null ? null : e.getStatus().getMessage();
        return message == null || message.isBlank()
                ? ApiErrors.firstLine(e)
                : message.lines().findFirst().orElseThrow().strip();
    }

    private static boolean quotaRefusal(KubernetesClientException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return (e.getCode() == 403
                        && (message.contains("exceeded quota") || message.contains("status unknown for quota")))
                || (e.getCode() == 409 && !UncertainCreation.alreadyExists(e));
    }

    /** Whether a refused create met the pod an earlier attempt of it stored. */
    @FunctionalInterface
    private interface StoredEarlier {
        boolean check() throws InterruptedException;
    }
}
