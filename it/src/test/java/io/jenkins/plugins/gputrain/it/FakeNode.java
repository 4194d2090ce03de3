package io.jenkins.plugins.gputrain.it;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the test cluster that kwok simulates (annotation {@code kwok.x-k8s.io/node: fake}): its labels,
 * allocatable resources and taints, as a cloud's GPU node pool would register them.
 *
 * @param name the node name
 * @param labels its labels
 * @param allocatable its capacity and allocatable resources (cpu, memory, pods, nvidia.com/gpu …)
 * @param taints its taints
 * @param cordoned whether it is marked unschedulable ({@code spec.unschedulable}, as {@code kubectl cordon} does)
 */
public record FakeNode(
        String name,
        Map<String, String> labels,
        Map<String, String> allocatable,
        List<Taint> taints,
        boolean cordoned) {
    /** The GPU resource the NVIDIA device plugin registers. */
    public static final String GPU = "nvidia.com/gpu";

    /** A node with 8 CPUs, 32 GiB and room for 110 pods, no GPU, no label but its host name. */
    public static FakeNode named(String name) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("kubernetes.io/hostname", name);
        labels.put("type", "kwok");
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("cpu", "8");
        resources.put("memory", "32Gi");
        resources.put("pods", "110");
        return new FakeNode(name, labels, resources, List.of(), false);
    }

    /** This node with one more label. */
    public FakeNode label(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(key, value);
        return new FakeNode(name, copy, allocatable, taints, cordoned);
    }

    /** This node with an allocatable resource set. */
    public FakeNode resource(String resource, String quantity) {
        Map<String, String> copy = new LinkedHashMap<>(allocatable);
        copy.put(resource, quantity);
        return new FakeNode(name, labels, copy, taints, cordoned);
    }

    /** This node with {@code count} GPUs. */
    public FakeNode gpus(int count) {
        return resource(GPU, Integer.toString(count));
    }

    /** This node with one more taint. */
    public FakeNode taint(String key, String value, String effect) {
        List<Taint> copy = new ArrayList<>(taints);
        copy.add(new TaintBuilder()
                .withKey(key)
                .withValue(value)
                .withEffect(effect)
                .build());
        return new FakeNode(name, labels, allocatable, copy, cordoned);
    }

    /** This node cordoned, or not. */
    public FakeNode cordoned(boolean unschedulable) {
        return new FakeNode(name, labels, allocatable, taints, unschedulable);
    }

    /** The Node object to create. */
    Node toNode() {
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        allocatable.forEach((key, value) -> quantities.put(key, new Quantity(value)));
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .addToAnnotations("kwok.x-k8s.io/node", "fake")
                .addToLabels(Sandbox.OWNER_LABEL, "true")
                .endMetadata()
                .withNewSpec()
                .withTaints(taints)
                .withUnschedulable(cordoned ? Boolean.TRUE : null)
                .endSpec()
                .withNewStatus()
                .withAllocatable(quantities)
                .withCapacity(quantities)
                .endStatus()
                .build();
    }
}
