package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
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
     *     then (a create without an answer may have stored it: it is deleted, {@link UncertainCreation})
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
                throw e;
            }
        }
        listener.progress("created secret " + target + "/" + name + " with keys " + data.keySet()
                + " (deleted when the training ends)");
        return created;
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
                () -> client.secrets().inNamespace(namespace).withName(name).delete(),
                listener);
    }
}
