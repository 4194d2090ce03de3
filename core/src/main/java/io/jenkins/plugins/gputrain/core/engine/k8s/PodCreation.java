package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Creates the pod, for real or as a server-side dry run, retrying what a {@code ResourceQuota} refuses for now: HTTP
 * 403 {@code exceeded quota} (other pods hold the quota until they end), HTTP 403 {@code status unknown for quota}
 * (the quota controller has not yet computed a new quota's usage) and HTTP 409 other than {@code AlreadyExists} (the
 * quota admission's conflicting update of the quota object). The quota admission judges a dry run as a create, only
 * without recording the usage ({@code checkQuotas} in k8s.io/apiserver v0.35.4,
 * {@code pkg/admission/plugin/resourcequota/controller.go}). Backoff doubles from {@link #FIRST_PAUSE},
 * {@link #ATTEMPTS} attempts in all; other refusals (RBAC, invalid pod) are thrown at once. HTTP 5xx and 429 are
 * retried by the fabric8 client itself.
 */
final class PodCreation {
    static final int ATTEMPTS = 6;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);

    private PodCreation() {}

    /**
     * Creates the pod; a refusal for invalid fields (HTTP 422, which a skipped dry run leaves to this create) is the
     * API server's {@code field: message} ({@link InvalidPod}).
     *
     * @throws PodFailureException ({@link PodFailure.Kind#REFUSED}) when the API server finds fields invalid
     */
    static void create(KubernetesClient client, String namespace, Pod pod, Sleeper sleeper, ProgressListener listener)
            throws PodFailureException, InterruptedException {
        try {
            retryingQuota(
                    () -> client.pods().inNamespace(namespace).resource(pod).create(), pod, sleeper, listener);
        } catch (KubernetesClientException e) {
            throw InvalidPod.refusal(e, pod.getMetadata().getName(), "the create")
                    .orElseThrow(() -> e);
        }
    }

    /**
     * Creates the pod with {@code dryRun=All}: validated and admitted (defaulted, mutated), nothing stored.
     *
     * @return the pod as the API server would store it
     */
    static Pod dryRun(KubernetesClient client, String namespace, Pod pod, Sleeper sleeper, ProgressListener listener)
            throws InterruptedException {
        return retryingQuota(
                () -> client.pods()
                        .inNamespace(namespace)
                        .resource(pod)
                        .dryRun()
                        .create(),
                pod,
                sleeper,
                listener);
    }

    private static Pod retryingQuota(Supplier<Pod> creation, Pod pod, Sleeper sleeper, ProgressListener listener)
            throws InterruptedException {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return creation.get();
            } catch (KubernetesClientException e) {
                ClientInterrupts.rethrowIfInterrupted(e, "creating the pod");
                if (attempt >= ATTEMPTS || !quotaRefusal(e)) {
                    throw e;
                }
                listener.progress("creating pod " + pod.getMetadata().getName() + " was refused for now ("
                        + ApiErrors.firstLine(e) + "); retrying in " + DurationSpec.format(pause));
                sleeper.sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static boolean quotaRefusal(KubernetesClientException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String reason = e.getStatus() == null ? null : e.getStatus().getReason();
        return (e.getCode() == 403
                        && (message.contains("exceeded quota") || message.contains("status unknown for quota")))
                || (e.getCode() == 409 && !"AlreadyExists".equals(reason));
    }
}
