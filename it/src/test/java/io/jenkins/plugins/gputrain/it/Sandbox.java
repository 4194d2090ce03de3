package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One test's corner of the test cluster: its own namespace, a kwok {@code ClusterExec} that runs the commands exec'd
 * into that namespace's pods as local processes in a directory of their own (kwok cannot remap absolute paths, so the
 * engine's commands work relative to the container's working directory), and the fake nodes the test registers. On
 * {@link #close()} it checks that nothing gpu-train created is left in the namespace, then removes it all.
 */
public final class Sandbox implements AutoCloseable {
    /** Marks the nodes the integration tests register, so that a crashed run's nodes can be found. */
    static final String OWNER_LABEL = "gpu-train-it";

    private static final Path WORK = Path.of(System.getProperty("gpu-train.it.work", "target/it-work"));

    private final KubernetesClient client;
    private final String namespace;
    private final Path execDirectory;
    private final List<String> nodes = new ArrayList<>();

    private Sandbox(KubernetesClient client, String namespace, Path execDirectory) {
        this.client = client;
        this.namespace = namespace;
        this.execDirectory = execDirectory;
    }

    /**
     * Creates a namespace named after the test, with its exec directory.
     *
     * @param testbed the test cluster
     * @param purpose a short lower-case word for the namespace name
     * @return the sandbox
     */
    public static Sandbox create(Testbed testbed, String purpose) {
        String namespace = "it-" + purpose + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
                        .toLowerCase(Locale.ROOT);
        Path directory = WORK.resolve(namespace).toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KubernetesClient client = testbed.client();
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .create();
        clusterExecs(client)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("kwok.x-k8s.io/v1alpha1")
                        .withKind("ClusterExec")
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .withAdditionalProperties(Map.of(
                                "spec",
                                Map.of(
                                        "selector",
                                        Map.of("matchNamespaces", List.of(namespace)),
                                        "execs",
                                        List.of(Map.of("local", Map.of("workDir", directory.toString()))))))
                        .build())
                .create();
        Sandbox sandbox = new Sandbox(client, namespace, directory);
        sandbox.awaitServiceAccount();
        return sandbox;
    }

    /** The namespace. */
    public String namespace() {
        return namespace;
    }

    /** Where the commands exec'd into this namespace's pods run (the pod's working directory). */
    public Path execDirectory() {
        return execDirectory;
    }

    /** The client. */
    public KubernetesClient client() {
        return client;
    }

    /**
     * Registers nodes and waits until each is Ready and schedulable (the node lifecycle controller has removed the
     * {@code not-ready} taint the API server adds to new nodes); a cordoned node keeps the {@code unschedulable}
     * taint that controller gives it.
     */
    public void nodes(FakeNode... fakeNodes) {
        for (FakeNode node : fakeNodes) {
            client.nodes().resource(node.toNode()).create();
            nodes.add(node.name());
        }
        for (FakeNode node : fakeNodes) {
            client.nodes().withName(node.name()).waitUntilCondition(Sandbox::readyAndUntainted, 2, TimeUnit.MINUTES);
        }
    }

    /** Registers a CPU node ({@code gpu=false}) and a node with 2 GPUs ({@code gpu=true}), named after the namespace. */
    public void cpuAndGpuNodes() {
        nodes(
                FakeNode.named(namespace + "-cpu").label("gpu", "false"),
                FakeNode.named(namespace + "-gpu").label("gpu", "true").gpus(2));
    }

    /** Removes the nodes registered so far. */
    public void removeNodes() {
        nodes.forEach(name -> client.nodes().withName(name).delete());
        nodes.clear();
    }

    private static boolean readyAndUntainted(Node node) {
        if (node == null || node.getStatus() == null) {
            return false;
        }
        boolean ready = node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        boolean notReadyTaint = node.getSpec().getTaints().stream()
                .anyMatch(t -> t.getKey().startsWith("node.kubernetes.io/")
                        && !t.getKey().equals("node.kubernetes.io/unschedulable"));
        return ready && !notReadyTaint;
    }

    private void awaitServiceAccount() {
        // The service account controller creates "default" shortly after the namespace; pods need it (admission).
        client.serviceAccounts()
                .inNamespace(namespace)
                .withName("default")
                .waitUntilCondition(sa -> sa != null, 1, TimeUnit.MINUTES);
    }

    /**
     * Waits up to two minutes until the namespace has no pod: a deleted pod stays until its grace period ends (kwok:
     * within a second).
     */
    public void awaitNoPods() {
        client.pods()
                .inNamespace(namespace)
                .informOnCondition(List::isEmpty)
                .orTimeout(2, TimeUnit.MINUTES)
                .join();
    }

    /** The names of the pods and Secrets in the namespace (ignoring the ones Kubernetes makes itself). */
    public List<String> leftovers() {
        List<String> left = new ArrayList<>();
        client.pods().inNamespace(namespace).list().getItems().stream()
                .map(pod -> "pod/" + pod.getMetadata().getName())
                .forEach(left::add);
        client.secrets().inNamespace(namespace).list().getItems().stream()
                .map(HasMetadata::getMetadata)
                .map(meta -> "secret/" + meta.getName())
                .forEach(left::add);
        return left;
    }

    /** Checks that gpu-train left nothing behind, then deletes the namespace, its exec rule and the nodes. */
    @Override
    public void close() {
        try {
            assertThat(leftovers()).as("pods and Secrets left in " + namespace).isEmpty();
        } finally {
            removeNodes();
            clusterExecs(client).withName(namespace).delete();
            client.namespaces().withName(namespace).delete();
        }
    }

    private static MixedOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            clusterExecs(KubernetesClient client) {
        return client.genericKubernetesResources("kwok.x-k8s.io/v1alpha1", "ClusterExec");
    }
}
