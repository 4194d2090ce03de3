package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counter against the mock server's own count of what it received, for one pod lifecycle. */
@EnableKubernetesMockClient(crud = true)
class ApiRequestCounterTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void countsEveryRequestOfAPodLifecycleAsTheServerReceivesThem() throws Exception {
        ApiRequestCounter counter = new ApiRequestCounter();
        Pod pod = new TrainingPodFactory()
                .create(TrainingPodSpec.builder("n1")
                        .podName("n1")
                        .namespace("test")
                        .build());
        pod.setStatus(new PodStatusBuilder().withPhase("Running").build());
        int before = server.getRequestCount();

        try (KubernetesClient counted = counter.install(
                        new KubernetesClientBuilder().withConfig(client.getConfiguration()))
                .build()) {
            CommandResult result = new PodRunner(counted, Clock.systemUTC(), null, ProgressListener.quiet())
                    .run(pod, resource -> new CommandResult(0, false));
            assertThat(result.succeeded()).isTrue();
        }

        ApiRequestCounter.ApiRequests requests = counter.count();
        assertThat(requests.total()).isEqualTo(server.getRequestCount() - before);
        assertThat(requests.byMethod()).containsEntry("POST", 1L).containsEntry("DELETE", 1L);
        assertThat(requests.describe()).startsWith(requests.total() + " API requests (DELETE 1, GET ");
    }

    @Test
    void nothingCountedIsSaidSo() {
        assertThat(new ApiRequestCounter.ApiRequests(Map.of()).describe()).isEqualTo("0 API requests (none)");
    }
}
