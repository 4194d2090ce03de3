package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds and deletes training pods a run left behind (a killed JVM, a lost connection): pods labelled
 * {@code app.kubernetes.io/managed-by=gpu-train} created longer ago than a given age. Other pods are never touched.
 */
public final class LeftoverPods {
    private final KubernetesClient client;
    private final Clock clock;

    /**
     * Creates the collector.
     *
     * @param client the cluster connection
     * @param clock the time source the age is measured with
     */
    public LeftoverPods(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * Lists the gpu-train pods older than {@code olderThan}, oldest first.
     *
     * @param namespace the namespace
     * @param olderThan the minimum age
     * @return the pods
     */
    public List<Pod> find(String namespace, Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        return client
                .pods()
                .inNamespace(namespace)
                .withLabel(TrainingPodFactory.MANAGED_BY_LABEL, TrainingPodFactory.MANAGED_BY)
                .list()
                .getItems()
                .stream()
                .filter(pod -> created(pod).isBefore(cutoff))
                .sorted(Comparator.comparing(LeftoverPods::created))
                .toList();
    }

    /**
     * Deletes the gpu-train pods older than {@code olderThan}.
     *
     * @param namespace the namespace
     * @param olderThan the minimum age
     * @return the names of the deleted pods, oldest first
     */
    public List<String> delete(String namespace, Duration olderThan) {
        List<String> deleted = new ArrayList<>();
        for (Pod pod : find(namespace, olderThan)) {
            String name = pod.getMetadata().getName();
            client.pods()
                    .inNamespace(namespace)
                    .withName(name)
                    .withGracePeriod(0)
                    .delete();
            deleted.add(name);
        }
        return deleted;
    }

    private static Instant created(Pod pod) {
        String timestamp = pod.getMetadata().getCreationTimestamp();
        return timestamp == null ? Instant.MAX : Instant.parse(timestamp);
    }
}
