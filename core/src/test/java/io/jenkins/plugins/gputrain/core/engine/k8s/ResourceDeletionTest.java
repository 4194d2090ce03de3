package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import org.junit.jupiter.api.Test;

class ResourceDeletionTest {
    private final RecordedProgress listener = new RecordedProgress();

    @Test
    void aRefusedDeletionIsToldWithTheCommandToFinishItAndNotThrown() {
        ResourceDeletion.delete(
                "secret",
                "ml",
                "gpu-train-secret-1",
                () -> {
                    throw new KubernetesClientException(
                            "Forbidden: secrets \"gpu-train-secret-1\" is forbidden\n{body}");
                },
                listener);

        assertThat(listener.progress)
                .containsExactly("could not delete secret gpu-train-secret-1 (Forbidden: secrets \"gpu-train-secret-1\""
                        + " is forbidden); delete it with: kubectl delete secret gpu-train-secret-1 -n ml");
    }
}
