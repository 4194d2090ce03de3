package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
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
     * Creates the pod, labelled with the create's id; a refusal for invalid fields (HTTP 422, which a skipped dry run
     * leaves to this create) is the API server's {@code field: message} ({@link InvalidPod}). A resend of a create
     * whose answer was lost can meet the pod its first attempt stored, as {@code 409 AlreadyExists} or as a quota
     * refusal that pod causes: a pod under the name with the create's id, not being deleted, is then the one
     * created, told in one line ({@link UncertainCreation#storedEarlier}). How the create failed is noted for
     * {@link UncertainCreation#deleteWhatItMayHaveStored()}.
     *
     * @param creation the create, with the pod's name and the create's id
     * @throws PodFailureException ({@link PodFailure.Kind#REFUSED}) when the API server finds fields invalid;
     *     ({@link PodFailure.Kind#UNSCHEDULABLE}) when a quota still refuses the pod at the end of the pending timeout
     * @throws KubernetesClientException when the API server refuses the pod otherwise or does not answer
     */
    void create(Pod pod, UncertainCreation creation) throws PodFailureException, InterruptedException {
        Pod labelled = new PodBuilder(pod)
                .editMetadata()
                .addToLabels(creation.label())
                .endMetadata()
                .build();
        try {
            send(labelled, creation);
        } catch (KubernetesClientException | PodFailureException | InterruptedException e) {
            creation.failed(e);
            throw e;
        }
    }

    private void send(Pod pod, UncertainCreation creation) throws PodFailureException, InterruptedException {
        try {
            retryingQuota(
                    () -> client.pods().inNamespace(namespace).resource(pod).create(), pod, creation::storedEarlier);
        } catch (KubernetesClientException e) {
            if (UncertainCreation.alreadyExists(e) && creation.storedEarlier(e)) {
                return;
            }
            throw InvalidPod.refusal(e, pod.getMetadata().getName(), "the create")
                    .orElseThrow(() -> e);
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
                refusal -> false);
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
                if (!UncertainCreation.quotaRefusal(e)) {
                    throw e;
                }
                if (storedEarlier.check(e)) {
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

    /** Whether a refused create met the pod an earlier attempt of it stored. */
    @FunctionalInterface
    private interface StoredEarlier {
        boolean check(KubernetesClientException refusal) throws InterruptedException;
    }
}
