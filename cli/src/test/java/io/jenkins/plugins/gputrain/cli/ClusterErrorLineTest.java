package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one line {@link ClusterConnection#describe} makes of what the Kubernetes client threw. */
class ClusterErrorLineTest {
    private static final Config CONFIG =
            new ConfigBuilder().withMasterUrl("https://127.0.0.1:6443/").build();
    private static final ClusterConnection.Target TARGET =
            new ClusterConnection.Target(CONFIG, "kubeconfig /k, context c, cluster p");

    @Test
    void aMessageLessTimeoutIsNamedByItsType() {
        // What KubernetesClientException.launderThrowable makes of a request whose future timed out.
        var e = new KubernetesClientException(null, new ExecutionException(null, new TimeoutException()));

        assertThat(ClusterConnection.describe(e, TARGET))
                .isEqualTo("Kubernetes API at https://127.0.0.1:6443/ (kubeconfig /k, context c, cluster p): "
                        + "no answer within 30 s (the request timeout)");
    }

    @Test
    void theFirstMessageAlongTheCausesIsKept() {
        var e = new KubernetesClientException(null, new IllegalStateException("watch\nclosed"));

        assertThat(ClusterConnection.describe(e, TARGET))
                .isEqualTo("Kubernetes API at https://127.0.0.1:6443/ (kubeconfig /k, context c, cluster p): "
                        + "watch\\nclosed");
    }

    @Test
    void anAnswerKeepsItsStatusCode() {
        var e = new KubernetesClientException("Forbidden: pods is forbidden", 403, null);

        assertThat(ClusterConnection.describe(e, TARGET))
                .isEqualTo("Kubernetes API at https://127.0.0.1:6443/ (kubeconfig /k, context c, cluster p) "
                        + "answered HTTP 403: Forbidden: pods is forbidden");
    }

    @Test
    void anUnreachableServerNamesTheNetworkError() {
        var e = new KubernetesClientException("Operation: [list]", new ConnectException("Connection refused"));

        assertThat(ClusterConnection.describe(e, TARGET))
                .isEqualTo("cannot reach the Kubernetes API at https://127.0.0.1:6443/ "
                        + "(kubeconfig /k, context c, cluster p): Connection refused (ConnectException)");
    }
}
