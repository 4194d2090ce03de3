package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import io.fabric8.kubernetes.client.http.WebSocketUpgradeResponse;
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

    /** The response of a refused upgrade: a status code, no body (as fabric8's clients build it). */
    private static WebSocketUpgradeResponse status(int code) {
        return new WebSocketUpgradeResponse(null, code);
    }
}
