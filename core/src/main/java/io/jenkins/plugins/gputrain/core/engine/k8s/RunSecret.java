package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kubernetes Secret that lives as long as one training: created before the pods that read it (by
 * {@code secretKeyRef} or as a mounted file, so that no value is in a pod spec) and deleted when the training ends,
 * on every path. Labelled like the training pods ({@code app.kubernetes.io/managed-by=gpu-train} and the run id) and
 * immutable. The console names the Secret, never its values.
 */
public final class RunSecret implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final ProgressListener listener;

    private RunSecret(KubernetesClient client, String namespace, String name, ProgressListener listener) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.listener = listener;
    }

    /**
     * Creates the Secret.
     *
     * @param client the cluster
     * @param namespace the namespace of the pods that read it, or {@code null} for the client's
     * @param name the Secret's name, a DNS subdomain
     * @param runId the run id label value, as on the pods
     * @param data the keys and their values
     * @param listener where the creation and deletion are told
     * @return the Secret, to close when the training ends
     * @throws KubernetesClientException when the API server refuses it or does not answer; nothing is left behind
     *     then (a create without an answer may have stored it: it is deleted, {@link UncertainCreation}); an answer
     *     is one line naming the Secret, the HTTP status and the API server's reason (e.g. RBAC's {@code cannot
     *     create resource "secrets"}) in place of fabric8's request dump
     */
    public static RunSecret create(
            KubernetesClient client,
            String namespace,
            String name,
            String runId,
            Map<String, byte[]> data,
            ProgressListener listener) {
        Map<String, String> encoded = new LinkedHashMap<>();
        data.forEach((key, value) -> encoded.put(key, Base64.getEncoder().encodeToString(value)));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TrainingPodFactory.MANAGED_BY_LABEL, TrainingPodFactory.MANAGED_BY);
        labels.put(TrainingPodFactory.RUN_ID_LABEL, runId);
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withType("Opaque")
                .withImmutable(true)
                .withData(encoded)
                .build();
        String target = namespace == null ? client.getNamespace() : namespace;
        RunSecret created = new RunSecret(client, target, name, listener);
        try {
            client.secrets().inNamespace(target).resource(secret).create();
        } catch (KubernetesClientException e) {
            if (!UncertainCreation.storedEarlier(
                    e,
                    secret,
                    () -> client.secrets().inNamespace(target).withName(name).get())) {
                if (UncertainCreation.mayHaveStored(e)) {
                    created.close();
                }
                throw refused(target, name, e);
            }
        }
        listener.progress("created secret " + target + "/" + name + " with keys " + data.keySet()
                + " (deleted when the training ends)");
        return created;
    }

    /**
     * fabric8 7.3.1 words a refusal as {@code Failure executing: POST at: URL. Message: M. Received status:
     * Status(…)}; the API server's own message M (the Status' {@code message}) says what was refused. Errors without
     * an answer (unreachable, timed out) are left as they are.
     */
    private static KubernetesClientException refused(String namespace, String name, KubernetesClientException e) {
        Status status = e.getStatus();
        if (status == null || status.getMessage() == null || status.getMessage().isBlank()) {
            return e;
        }
        return new KubernetesClientException(
                "cannot create secret " + namespace + "/" + name + " for the DVC remote credentials (HTTP "
                        + e.getCode() + "): "
                        + status.getMessage().lines().findFirst().orElseThrow().strip(),
                e.getCode(),
                status);
    }

    /** The Secret's name, for the pods' references. */
    public String name() {
        return name;
    }

    /** Deletes the Secret; a failure is told with the command to delete it by hand, never thrown. */
    @Override
    public void close() {
        ResourceDeletion.delete(
                "secret",
                namespace,
                name,
                client,
                c -> c.secrets().inNamespace(namespace).withName(name).delete(),
                listener);
    }
}
