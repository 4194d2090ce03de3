package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;

/** Clients of fabric8's mock server, for tests. */
final class MockClients {
    private MockClients() {}

    /** A client of the same server that does not send a request again after HTTP 5xx or an I/O error. */
    static KubernetesClient withoutRetries(KubernetesClient client) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(client.getConfiguration())
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
    }

    /** As {@link #withoutRetries(KubernetesClient)}, each request waiting at most {@code requestTimeout}. */
    static KubernetesClient withoutRetries(KubernetesClient client, Duration requestTimeout) {
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(client.getConfiguration())
                        .withRequestRetryBackoffLimit(0)
                        .withRequestTimeout((int) requestTimeout.toMillis())
                        .build())
                .build();
    }
}
