package io.jenkins.plugins.gputrain.core.pod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.UncheckedIOException;

/** Writes a pod as the manifest {@code kubectl apply} would take, in YAML or indented JSON. */
public final class PodManifest {
    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The pod as YAML, starting with {@code ---}. */
    public String toYaml(Pod pod) {
        return serialization.asYaml(pod);
    }

    /** The pod as indented JSON, ending with a line break. */
    public String toJson(Pod pod) {
        try {
            return json.writeValueAsString(json.readTree(serialization.asJson(pod))) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the pod as JSON", e);
        }
    }
}
