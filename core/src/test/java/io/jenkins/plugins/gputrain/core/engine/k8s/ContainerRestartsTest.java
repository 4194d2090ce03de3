package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which exits the kubelet restarts ({@code ContainerShouldRestart}, {@code pkg/api/v1/pod/util.go}, and for init
 * containers {@code computeInitContainerActions}, {@code pkg/kubelet/kuberuntime/kuberuntime_container.go}, v1.35.4):
 * the pod's {@code restartPolicy}, a container's own, a sidecar's {@code Always}, and KEP-5307's
 * {@code restartPolicyRules}, the first matching rule deciding.
 */
class ContainerRestartsTest {
    @ParameterizedTest(name = "{0} container, pod {1}, container {2}, rule {3}, exit {4}: restarted {5}")
    @CsvSource({
        "main, Always, , , 0, true",
        "main, , , , 0, true",
        "main, OnFailure, , , 0, false",
        "main, OnFailure, , , 1, true",
        "main, Never, , , 1, false",
        "main, Always, Never, , 0, false",
        "main, Never, OnFailure, , 2, true",
        "main, Never, Never, Restart In 0 42, 42, true",
        "main, Never, Never, Restart In 42, 0, false",
        "main, Always, Never, Restart NotIn 0, 0, false",
        "main, Never, Never, Restart NotIn 0, 3, true",
        "init, Always, , , 0, false",
        "init, OnFailure, , , 1, true",
        "sidecar, OnFailure, , , 0, true",
        // issue 14 review (14c) 1: a failed init container is restarted as ContainerShouldRestart says, else the
        // kubelet kills the pod (computeInitContainerActions); exit 0 is never restarted
        "init, Never, , , 1, false",
        "init, Always, Never, , 1, false",
        "init, Never, OnFailure, , 1, true",
        "init, Never, Never, Restart In 7, 7, true",
        "init, OnFailure, Never, Restart NotIn 0, 3, true",
        "init, Never, OnFailure, , 0, false",
        // issue 14 review (14c) 2: RestartAllContainers restarts; another action falls back to the container's policy
        "main, Never, Never, RestartAllContainers In 42, 42, true",
        "main, Always, OnFailure, Hypothetical In 42, 42, true",
        "main, Always, Never, Hypothetical In 42, 42, false",
        "main, Never, , Restart In 42, 42, false",
    })
    void theKubeletRestartsAsItsPoliciesSay(
            String kind, String podPolicy, String containerPolicy, String rule, int exitCode, boolean restarted) {
        Container container = new ContainerBuilder()
                .withName("c")
                .withRestartPolicy(kind.equals("sidecar") ? "Always" : containerPolicy)
                .build();
        if (rule != null) {
            String[] words = rule.split(" ");
            List<Integer> values =
                    Arrays.stream(words).skip(2).map(Integer::valueOf).toList();
            container.setAdditionalProperty(
                    "restartPolicyRules",
                    List.of(Map.of("action", words[0], "exitCodes", Map.of("operator", words[1], "values", values))));
        }
        boolean init = !kind.equals("main");
        Pod pod = new PodBuilder()
                .withNewSpec()
                .withRestartPolicy(podPolicy)
                .endSpec()
                .build();
        if (init) {
            pod.getSpec().setInitContainers(List.of(container));
        } else {
            pod.getSpec().setContainers(List.of(container));
        }

        assertThat(ContainerRestarts.after(pod, "c", init, exitCode)).isEqualTo(restarted);
    }
}
