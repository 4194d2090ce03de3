package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API server's verdict on a pod before it is created: a create with {@code dryRun=All}, which runs the API
 * server's defaulting, its mutating and validating admission (LimitRanger, Priority, DefaultTolerationSeconds,
 * ResourceQuota, webhooks) and its validation, and stores nothing. The pod it returns is the pod as it would be
 * stored, which is what the scheduler would see. A refusal for invalid fields (HTTP 422) is one line of the API
 * server's own {@code field: message}, naming the first field and how many more it named ({@link InvalidPod});
 * other refusals (RBAC, admission: 403; {@code AlreadyExists}: 409) are thrown as they are, those of a quota retried
 * ({@link PodCreation}).
 * A mutating or validating admission webhook whose {@code sideEffects} are {@code Unknown} or {@code Some} makes the
 * API server refuse every dry run it would be called for, HTTP 400 {@code BadRequest} {@code admission webhook "<name>"
 * does not support dry run} ({@code pkg/admission/plugin/webhook/errors/statuserror.go} NewDryRunUnsupportedErr in
 * k8s.io/apiserver v0.35.4, returned by the mutating and validating dispatchers before the webhook is called): the dry
 * run is then skipped, said in one line, and the pod goes on as built, to be judged by the real create (and only
 * warned about by the preflight: {@link AdmittedPod#byServer()}). Such webhook
 * configurations can no longer be created (admissionregistration/v1 accepts only {@code None} and
 * {@code NoneOnDryRun}), but ones created before are kept through updates.
 */
public final class PodDryRun {
    private static final int BAD_REQUEST = 400;

    /** The API server's message for a webhook that cannot take a dry run; Go's {@code %q} of a webhook name. */
    private static final Pattern WITHOUT_DRY_RUN =
            Pattern.compile("admission webhook \"([^\"]+)\" does not support dry run");

    private final KubernetesClient client;
    private final Sleeper sleeper;
    private final ProgressListener listener;

    /**
     * Creates the check.
     *
     * @param client the cluster connection
     * @param sleeper waits between attempts refused by a quota
     * @param listener receives the retries
     */
    public PodDryRun(KubernetesClient client, Sleeper sleeper, ProgressListener listener) {
        this.client = client;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    /**
     * Lets the API server judge the pod.
     *
     * @param pod the pod as it will be created (named, with a namespace or the client's default)
     * @param pending the pod's pending timeout, which bounds the quota retries
     * @param clock the time, on the budget's clock
     * @return the pod as the API server would store it: defaulted and admitted; the pod as given, not the server's,
     *     when an admission webhook does not support dry run
     * @throws PodFailureException ({@link PodFailure.Kind#REFUSED}) when the API server finds fields invalid;
     *     ({@link PodFailure.Kind#UNSCHEDULABLE}) when a quota still refuses the pod at the end of the pending timeout
     * @throws InterruptedException when interrupted
     */
    public AdmittedPod admitted(Pod pod, PendingBudget pending, Clock clock)
            throws PodFailureException, InterruptedException {
        String namespace = Optional.ofNullable(pod.getMetadata().getNamespace()).orElse(client.getNamespace());
        try {
            return new AdmittedPod(
                    new PodCreation(client, namespace, sleeper, listener, pending, clock).dryRun(pod), true);
        } catch (KubernetesClientException e) {
            Optional<String> webhook = withoutDryRun(e);
            if (webhook.isPresent()) {
                listener.progress("the dry run was skipped: admission webhook \"" + webhook.get()
                        + "\" does not support dry run; creating the pod");
                return new AdmittedPod(pod, false);
            }
            throw InvalidPod.refusal(e, pod.getMetadata().getName(), "a dry-run create")
                    .orElseThrow(() -> e);
        }
    }

    /** The webhook that refused the dry run for want of dry-run support, if that is the refusal. */
    private static Optional<String> withoutDryRun(KubernetesClientException e) {
        Status status = e.getStatus();
        if (e.getCode() != BAD_REQUEST || status == null || status.getMessage() == null) {
            return Optional.empty();
        }
        Matcher matcher = WITHOUT_DRY_RUN.matcher(status.getMessage());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
