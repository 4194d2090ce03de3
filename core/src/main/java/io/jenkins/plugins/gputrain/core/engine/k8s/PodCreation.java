package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Duration;

/**
 * Creates the pod, retrying what a {@code ResourceQuota} refuses for now: HTTP 403 {@code exceeded quota} (other pods
 * hold the quota until they end), HTTP 403 {@code status unknown for quota} (the quota controller has not yet computed
 * a new quota's usage) and HTTP 409 other than {@code AlreadyExists} (the quota admission's conflicting
 * update of the quota object). Backoff doubles from {@link #FIRST_PAUSE}, {@link #ATTEMPTS} attempts in all; other
 * refusals (RBAC, invalid pod) are thrown at once. HTTP 5xx and 429 are retried by the fabric8 client itself.
 */
final class PodCreation {
    static final int ATTEMPTS = 6;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);

    private PodCreation() {}

    static void create(KubernetesClient client, String namespace, Pod pod, Sleeper sleeper, ProgressListener listener)
            throws InterruptedException {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                client.pods().inNamespace(namespace).resource(pod).create();
                return;
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
