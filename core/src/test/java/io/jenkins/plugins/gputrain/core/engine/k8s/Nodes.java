package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds nodes as the API server reports them, for the preflight tests (also the engine's and the plugin's). */
public final class Nodes {
    private final String name;
    private final Map<String, String> labels = new TreeMap<>();
    private final Map<String, Quantity> allocatable = new TreeMap<>();
    private final List<Taint> taints = new ArrayList<>();
    private String ready = "True";
    private boolean cordoned;
    private boolean statusUnknown;

    private Nodes(String name) {
        this.name = name;
        allocatable.put("cpu", new Quantity("7910m"));
        allocatable.put("memory", new Quantity("30Gi"));
        allocatable.put("pods", new Quantity("110"));
    }

    /** A Ready node with 7.91 CPUs, 30Gi, room for 110 pods and no GPUs, labels or taints. */
    public static Nodes node(String name) {
        return new Nodes(name);
    }

    Nodes label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public Nodes allocatable(String resource, String amount) {
        allocatable.put(resource, new Quantity(amount));
        return this;
    }

    public Nodes taint(String key, String value, String effect) {
        taints.add(new TaintBuilder()
                .withKey(key)
                .withValue(value)
                .withEffect(effect)
                .build());
        return this;
    }

    /** Ready False, with the two taints the node lifecycle controller then sets. */
    public Nodes notReady() {
        ready = "False";
        return taint("node.kubernetes.io/not-ready", null, "NoSchedule")
                .taint("node.kubernetes.io/not-ready", null, "NoExecute");
    }

    /** Ready Unknown (the kubelet stopped reporting), with the two taints the node lifecycle controller then sets. */
    Nodes unreachable() {
        ready = "Unknown";
        return taint("node.kubernetes.io/unreachable", null, "NoSchedule")
                .taint("node.kubernetes.io/unreachable", null, "NoExecute");
    }

    /**
     * A node whose kubelet stopped posting its status (a reboot), as the node lifecycle controller writes it at
     * v1.35.4 ({@code pkg/controller/nodelifecycle/node_lifecycle_controller.go} tryUpdateNodeHealth and the tainting
     * passes): every condition Unknown with reason {@code NodeStatusUnknown}, the {@code unreachable} taint for
     * {@code NoSchedule} and, with the time it was added, for {@code NoExecute}; the allocatable resources as the
     * kubelet last posted them.
     */
    Nodes rebooting() {
        ready = "Unknown";
        statusUnknown = true;
        taints.add(new TaintBuilder()
                .withKey("node.kubernetes.io/unreachable")
                .withEffect("NoSchedule")
                .build());
        taints.add(new TaintBuilder()
                .withKey("node.kubernetes.io/unreachable")
                .withEffect("NoExecute")
                .withTimeAdded("2026-12-02T12:58:00Z")
                .build());
        return this;
    }

    Nodes cordoned() {
        cordoned = true;
        return taint("node.kubernetes.io/unschedulable", null, "NoSchedule");
    }

    /** A GPU node as NVIDIA's device plugin and GKE present it: labelled, tainted, one T4 allocatable. */
    static Nodes gpuNode(String name) {
        return node(name)
                .label("gpu", "true")
                .allocatable("nvidia.com/gpu", "1")
                .taint("nvidia.com/gpu", "present", "NoSchedule");
    }

    public Node build() {
        return new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withUnschedulable(cordoned ? true : null)
                .withTaints(taints)
                .endSpec()
                .withNewStatus()
                .withAllocatable(allocatable)
                .withConditions(conditions())
                .endStatus()
                .build();
    }

    private List<NodeCondition> conditions() {
        if (!statusUnknown) {
            return List.of(new NodeConditionBuilder()
                    .withType("Ready")
                    .withStatus(ready)
                    .build());
        }
        return Stream.of("MemoryPressure", "DiskPressure", "PIDPressure", "Ready")
                .map(type -> new NodeConditionBuilder()
                        .withType(type)
                        .withStatus("Unknown")
                        .withReason("NodeStatusUnknown")
                        .withMessage("Kubelet stopped posting node status.")
                        .build())
                .toList();
    }
}
