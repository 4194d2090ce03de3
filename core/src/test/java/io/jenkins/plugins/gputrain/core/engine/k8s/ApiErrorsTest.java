package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import io.fabric8.kubernetes.client.http.WebSocketUpgradeResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A refused exec as fabric8 7.3.1 reports it: "An error has occurred." whose cause is a
 * {@link WebSocketHandshakeException} with the HTTP status and no body (seen against kube-apiserver 1.35.4 with a
 * service account lacking {@code pods/exec}; the integration test RbacIT runs that case for real).
 */
class ApiErrorsTest {
    @Test
    void aForbiddenExecNamesThePermission() {
        KubernetesClientException refused =
                new KubernetesClientException("An error has occurred.", new WebSocketHandshakeException(status(403)));

        assertThat(ApiErrors.execRefusal(refused))
                .contains("the API server refused the exec (HTTP 403): the credentials may not create pods/exec in"
                        + " the pod's namespace (RBAC)");
    }

    @Test
    void anUnknownStatusIsNamedAsIs() {
        assertThat(ApiErrors.execRefusal(new WebSocketHandshakeException(status(502))))
                .contains("the API server refused the exec (HTTP 502)");
    }

    @Test
    void anErrorThatIsNotARefusalIsLeftAlone() {
        assertThat(ApiErrors.execRefusal(new KubernetesClientException("closed")))
                .isEmpty();
    }

    /**
     * fabric8's own deadline (the request timeout plus up to 5 s): a {@code TimeoutException} without a message in a
     * {@code KubernetesClientException} without one ({@code OperationSupport.waitForResult}, v7.3.1).
     */
    @Test
    void aMessageLessTimeoutSaysHowLongTheClientWaited() {
        var e = new KubernetesClientException(null, new ExecutionException(null, new TimeoutException()));

        assertThat(ApiErrors.line(e, 15_000)).isEqualTo("no answer within 15 s (the request timeout)");
        assertThat(ApiErrors.firstLine(e))
                .as("where the timeout is not known")
                .isEqualTo("no answer within the request timeout");
    }

    /** OkHttp's call timeout, as fabric8 7.3.1's waitForResult copies it into an IOException, laundered or not. */
    @Test
    void anHttpClientTimeoutNamesTheOperationAndTheTimeout() {
        var timeout = new IOException("timeout", new InterruptedIOException("timeout"));

        assertThat(ApiErrors.line(
                        new KubernetesClientException(
                                "Operation: [get]  for kind: [Pod]  with name: [p]  in namespace:" + " [ml]  failed.",
                                timeout),
                        1500))
                .isEqualTo("Operation: [get]  for kind: [Pod]  with name: [p]  in namespace: [ml]  failed: no answer"
                        + " within 1500 ms (the request timeout)");
        assertThat(ApiErrors.line(new KubernetesClientException(null, timeout), 1500))
                .isEqualTo("no answer within 1500 ms (the request timeout)");
        assertThat(ApiErrors.line(new KubernetesClientException("x", new InterruptedIOException()), 1500))
                .as("an interrupt is no timeout")
                .isEqualTo("x");
    }

    @Test
    void otherwiseTheFirstMessageAlongTheCausesOrTheInnermostType() {
        assertThat(ApiErrors.line(new KubernetesClientException(null, new IllegalStateException("watch\nclosed")), 1))
                .isEqualTo("watch");
        assertThat(ApiErrors.message(new KubernetesClientException(" ", new IllegalStateException("a\nb")), 1))
                .isEqualTo("a\nb");
        assertThat(ApiErrors.line(new KubernetesClientException(null, new IllegalStateException()), 1))
                .isEqualTo("IllegalStateException");
        assertThat(ApiErrors.line(new KubernetesClientException("late", new TimeoutException("after 3 s")), 1))
                .as("a timeout with its own words is told as it is")
                .isEqualTo("late");
    }

    /** The response of a refused upgrade: a status code, no body (as fabric8's clients build it). */
    private static WebSocketUpgradeResponse status(int code) {
        return new WebSocketUpgradeResponse(null, code);
    }
}
