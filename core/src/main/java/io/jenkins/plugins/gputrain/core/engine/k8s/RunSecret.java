package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.DeletionOutcome;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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
     * Creates the Secret, labelled with a create id of its own ({@link UncertainCreation}).
     *
     * @param client the cluster
     * @param namespace the namespace of the pods that read it, or {@code null} for the client's
     * @param name the Secret's name, a DNS subdomain
     * @param runId the run id label value, as on the pods
     * @param data the keys and their values
     * @param listener where the creation and deletion are told
     * @return the Secret, to close when the training ends
     * @throws KubernetesClientException when the API server refuses it or does not answer; nothing is left behind
     *     then: a create without an answer may have stored it, and a create sent again meets what its first attempt
     *     stored ({@code 409 AlreadyExists}, or a quota refusal that Secret causes), which is used if it carries
     *     this create's id; a Secret that may be this create's is deleted if it carries the id, or named with the
     *     {@code kubectl} command that deletes it if it does when it cannot be read. An answer is one line naming the
     *     Secret, the HTTP status and the API server's reason (e.g. RBAC's {@code cannot create resource "secrets"})
     *     in place of fabric8's request dump
     * @throws InterruptedException when interrupted while reading a Secret the create found existing
     */
    public static RunSecret create(
            KubernetesClient client,
            String namespace,
            String name,
            String runId,
            Map<String, byte[]> data,
            ProgressListener listener)
            throws InterruptedException {
        CreatedObject object = new CreatedObject(
                Leftovers.Kind.SECRET,
                namespace == null ? client.getNamespace() : namespace,
                name,
                UncertainCreation.newCreateId());
        return create(client, object, runId, data, listener, Clock.systemUTC(), Sleeper.THREAD);
    }

    /**
     * As {@link #create(KubernetesClient, String, String, String, Map, ProgressListener)}, for the Secret given with
     * its create id, reading it through an API server that does not answer on the given clock and sleeper.
     */
    static RunSecret create(
            KubernetesClient client,
            CreatedObject object,
            String runId,
            Map<String, byte[]> data,
            ProgressListener listener,
            Clock clock,
            Sleeper sleeper)
            throws InterruptedException {
        UncertainCreation creation = new UncertainCreation(object, client, listener, clock, sleeper);
        Map<String, String> encoded = new LinkedHashMap<>();
        data.forEach((key, value) -> encoded.put(key, Base64.getEncoder().encodeToString(value)));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TrainingPodFactory.MANAGED_BY_LABEL, TrainingPodFactory.MANAGED_BY);
        labels.put(TrainingPodFactory.RUN_ID_LABEL, runId);
        labels.putAll(creation.label());
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(object.name())
                .withLabels(labels)
                .endMetadata()
                .withType("Opaque")
                .withImmutable(true)
                .withData(encoded)
                .build();
        String target = object.namespace();
        boolean readAlready = false;
        Secret answer = null;
        try {
            answer = client.secrets().inNamespace(target).resource(secret).create();
        } catch (KubernetesClientException e) {
            if (!storedEarlier(creation, e)) {
                creation.failed(e);
                creation.deleteWhatItMayHaveStored();
                throw refused(target, object.name(), e);
            }
            readAlready = true;
        }
        listener.progress("created secret " + target + "/" + object.name() + " with keys " + data.keySet()
                + " (deleted when the training ends)");
        RunSecret created = new RunSecret(client, target, object.name(), listener);
        if (!readAlready) {
            readBack(creation, created, object, answer.getMetadata().getResourceVersion());
        }
        return created;
    }

    /**
     * Reads the created Secret back, before any pod refers to it: a create whose answer is lost is told from another's
     * Secret only by reading the create id it carries ({@link UncertainCreation}), so credentials that may create
     * Secrets but not {@code get} them fail here, with one line, rather than when an answer is lost. The Secret this
     * create's answer returned is then deleted, on the precondition of that answer's {@code resourceVersion} (fabric8
     * 7.3.1 sends only that precondition, {@code OperationSupport.handleDelete}; the Secret's data is immutable): a
     * Secret stored under the name since, another's, refuses it with HTTP 409 and is left alone.
     */
    private static void readBack(UncertainCreation creation, RunSecret created, CreatedObject object, String version)
            throws InterruptedException {
        try {
            creation.readBack();
        } catch (KubernetesClientException e) {
            throw unreadable(created.namespace, created.name, e, created.deleteStored(object, version));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            created.deleteStored(object, version);
            throw e;
        }
    }

    /** Deletes the Secret if it is still the one the create stored, as {@code version} names it. */
    private DeletionOutcome deleteStored(CreatedObject object, String version) {
        return ResourceDeletion.delete(
                object,
                client,
                c -> {
                    try {
                        return c.secrets()
                                .inNamespace(namespace)
                                .withName(name)
                                .lockResourceVersion(version)
                                .delete();
                    } catch (KubernetesClientException e) {
                        if (e.getCode() == 409) {
                            return List.of();
                        }
                        throw e;
                    }
                },
                listener);
    }

    /** One line for a Secret that could not be read back after its create, saying what its deletion did. */
    private static KubernetesClientException unreadable(
            String namespace, String name, KubernetesClientException e, DeletionOutcome deletion) {
        Status status = e.getStatus();
        String reason = status == null
                        || status.getMessage() == null
                        || status.getMessage().isBlank()
                ? ApiErrors.firstLine(e)
                : status.getMessage().lines().findFirst().orElseThrow().strip();
        return new KubernetesClientException(
                "cannot read secret " + namespace + "/" + name + " back after creating it"
                        + (e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "") + ": " + reason
                        + (e.getCode() == 403
                                ? "; gpu-train reads its Secret to know it by its create id (a create whose answer is"
                                        + " lost may have stored it): allow get on secrets"
                                : "")
                        + switch (deletion) {
                            case DELETED -> "; the Secret was deleted again";
                            case NOTHING ->
                                "; the Secret it stored was not found to delete (gone already, or"
                                        + " replaced by another's, left alone)";
                            case FAILED -> "; the Secret could not be deleted: delete it with the command above";
                        },
                e.getCode(),
                status);
    }

    /**
     * Whether the refused create met the Secret its first attempt stored; interrupted, the Secret is deleted if it is
     * this create's, as a stopping run deletes ({@link ResourceDeletion}), and the interrupt kept.
     */
    private static boolean storedEarlier(UncertainCreation creation, KubernetesClientException refusal)
            throws InterruptedException {
        try {
            return creation.storedEarlier(refusal);
        } catch (InterruptedException e) {
            creation.failed(e);
            Thread.currentThread().interrupt();
            creation.deleteWhatItMayHaveStored();
            throw e;
        }
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
                CreatedObject.named(Leftovers.Kind.SECRET, namespace, name),
                client,
                c -> c.secrets().inNamespace(namespace).withName(name).delete(),
                listener);
    }
}
