package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;

/**
 * What set the memory of a container that was {@code OOMKilled}, so that the advice names what to raise. Only the
 * training container ({@value TrainingPodFactory#CONTAINER}) gets its memory from {@code cpuMemory}
 * ({@link TrainingPodFactory} writes its request and limit); init containers, sidecars and containers a pod YAML adds
 * have their own {@code resources.limits.memory}, or none, in which case a pod-level
 * {@code spec.resources.limits.memory} bounds them (the pod's cgroup), or only the node's memory does.
 *
 * @param container the container's place in the pod spec, e.g. {@code spec.initContainers[0]}, or {@code null}
 * @param training whether it is the training container, sized by {@code cpuMemory}
 * @param own its memory limit, or {@code null}
 * @param podLevel the pod-level memory limit, or {@code null}
 */
record MemoryAdvice(String container, boolean training, Quantity own, Quantity podLevel) {
    private static final String MEMORY = "memory";

    /**
     * Reads what limits a container's memory.
     *
     * @param spec the pod's spec as the API server returned it (LimitRange defaults included), or {@code null}
     * @param field the container's place, e.g. {@code spec.initContainers[0]}, or {@code null}
     * @param container the container's spec, or {@code null} when the pod spec does not list it
     * @param init whether it is an init container (a sidecar included)
     * @return the advice
     */
    static MemoryAdvice of(PodSpec spec, String field, Container container, boolean init) {
        return new MemoryAdvice(
                field,
                !init && container != null && TrainingPodFactory.CONTAINER.equals(container.getName()),
                container == null ? null : limit(container.getResources()),
                spec == null ? null : limit(spec.getResources()));
    }

    /** The advice, e.g. {@code a larger cpuMemory is needed}. */
    String describe() {
        if (training) {
            return "a larger cpuMemory is needed";
        }
        String limitField = (container == null ? "its" : container) + ".resources.limits.memory";
        if (own != null) {
            return "its memory limit is " + own + " (" + limitField + " of the pod YAML, not cpuMemory, which sizes"
                    + " only container " + TrainingPodFactory.CONTAINER + "): a larger limit is needed there";
        }
        if (podLevel != null) {
            return "it has no memory limit of its own (" + limitField + "), the pod's is " + podLevel
                    + " (spec.resources.limits.memory of the pod YAML): a larger one is needed there";
        }
        return "it has no memory limit (" + limitField + " is not set; cpuMemory sizes only container "
                + TrainingPodFactory.CONTAINER + "), so its node ran out of memory: set its resources.requests.memory"
                + " in the pod YAML so that the scheduler reserves what it needs";
    }

    private static Quantity limit(ResourceRequirements resources) {
        return resources == null || resources.getLimits() == null
                ? null
                : resources.getLimits().get(MEMORY);
    }
}
