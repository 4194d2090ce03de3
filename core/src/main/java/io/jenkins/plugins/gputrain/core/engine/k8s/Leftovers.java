package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Finds and deletes what runs left behind (a killed JVM, a lost connection): training pods and the Secrets that carried
 * their DVC remote credentials, labelled {@code app.kubernetes.io/managed-by=gpu-train} and created longer ago than a
 * given age. Nothing else is ever touched.
 */
public final class Leftovers {
    /** The kinds of resources gpu-train creates. */
    public enum Kind {
        /** Training pods. */
        POD("pod", Pod.class),
        /** Run-scoped Secrets ({@link RunSecret}). */
        SECRET("secret", Secret.class);

        private final String kubectlName;
        private final Class<? extends HasMetadata> type;

        Kind(String kubectlName, Class<? extends HasMetadata> type) {
            this.kubectlName = kubectlName;
            this.type = type;
        }

        /** The kind as {@code kubectl} names it, e.g. {@code pod}. */
        public String kubectlName() {
            return kubectlName;
        }

        /** The model class of the kind, for {@code KubernetesClient.resources}. */
        Class<? extends HasMetadata> type() {
            return type;
        }
    }

    /**
     * A resource a run left behind.
     *
     * @param kind its kind
     * @param name its name
     * @param created when it was created
     */
    public record Leftover(Kind kind, String name, Instant created) {}

    private final KubernetesClient client;
    private final Clock clock;

    /**
     * Creates the collector.
     *
     * @param client the cluster connection
     * @param clock the time source the age is measured with
     */
    public Leftovers(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * Lists the gpu-train resources of a kind older than {@code olderThan}, oldest first; those without a creation
     * time are left out.
     *
     * @param kind the kind
     * @param namespace the namespace
     * @param olderThan the minimum age
     * @return the resources
     */
    public List<Leftover> find(Kind kind, String namespace, Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        return client
                .resources(kind.type)
                .inNamespace(namespace)
                .withLabel(TrainingPodFactory.MANAGED_BY_LABEL, TrainingPodFactory.MANAGED_BY)
                .list()
                .getItems()
                .stream()
                .filter(resource -> resource.getMetadata().getCreationTimestamp() != null)
                .map(resource -> new Leftover(
                        kind,
                        resource.getMetadata().getName(),
                        Instant.parse(resource.getMetadata().getCreationTimestamp())))
                .filter(leftover -> leftover.created().isBefore(cutoff))
                .sorted(Comparator.comparing(Leftover::created))
                .toList();
    }

    /**
     * Deletes the gpu-train resources of a kind older than {@code olderThan} (pods gracefully, with their own terminationGracePeriodSeconds).
     *
     * @param kind the kind
     * @param namespace the namespace
     * @param olderThan the minimum age
     * @return what was deleted, oldest first
     */
    public List<Leftover> delete(Kind kind, String namespace, Duration olderThan) {
        List<Leftover> found = find(kind, namespace, olderThan);
        for (Leftover leftover : found) {
            client.resources(kind.type)
                    .inNamespace(namespace)
                    .withName(leftover.name())
                    .delete();
        }
        return found;
    }
}
