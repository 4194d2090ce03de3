package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code gpuTrain} step hands to the kubernetes-plugin's {@code podTemplate}: the training pod as YAML
 * (the plugin adds its {@code jnlp} agent container and names the pod), the namespace, the deadline, and no
 * inheritance from an enclosing {@code podTemplate}. Values are plain strings and numbers, as Pipeline passes them.
 *
 * @param yaml the pod YAML
 * @param namespace the namespace, or {@code null} for the cloud's
 * @param activeDeadlineSeconds the deadline, or {@code null} for none
 */
public record PodTemplateArguments(String yaml, String namespace, Long activeDeadlineSeconds) {
    /**
     * Derives the arguments from a spec.
     *
     * @param spec the spec; its pod name is ignored, the kubernetes-plugin names agent pods
     * @param factory builds the pod
     * @param manifest writes it
     * @return the arguments
     */
    public static PodTemplateArguments of(TrainingPodSpec spec, TrainingPodFactory factory, PodManifest manifest) {
        Pod pod = factory.create(spec);
        pod.getMetadata().setName(null);
        pod.getMetadata().setNamespace(null);
        return new PodTemplateArguments(
                manifest.toYaml(pod), spec.namespace(), pod.getSpec().getActiveDeadlineSeconds());
    }

    /** The named arguments of {@code podTemplate}; absent values are left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("yaml", yaml);
        arguments.put("inheritFrom", "");
        if (namespace != null) {
            arguments.put("namespace", namespace);
        }
        if (activeDeadlineSeconds != null) {
            arguments.put("activeDeadlineSeconds", activeDeadlineSeconds.intValue());
        }
        return arguments;
    }
}
