package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.function.UnaryOperator;

/**
 * Teaches fabric8's CRUD mock server (7.3.1), which ignores {@code dryRun} and would store the pod, what a real API
 * server does with a pod created with {@code dryRun=All}: it returns the pod and stores nothing. The mock neither
 * defaults nor admits, so the pod comes back as it was sent.
 */
public final class MockDryRun {
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private MockDryRun() {}

    /**
     * Answers dry-run pod creations in a namespace with the pod sent.
     *
     * @param server the mock server (CRUD: its expectations are answered first)
     * @param namespace the namespace of the pods
     */
    public static void answer(KubernetesMockServer server, String namespace) {
        answer(server, namespace, UnaryOperator.identity());
    }

    /**
     * Answers dry-run pod creations in a namespace with the pod sent as an admission plugin changed it.
     *
     * @param server the mock server (CRUD: its expectations are answered first)
     * @param namespace the namespace of the pods
     * @param admission what the API server's admission does to the pod
     */
    public static void answer(KubernetesMockServer server, String namespace, UnaryOperator<Pod> admission) {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/" + namespace + "/pods?dryRun=All")
                .andReply(
                        201,
                        request -> JSON.asJson(
                                admission.apply(JSON.unmarshal(request.getBody().readUtf8(), Pod.class))))
                .always();
    }

    /**
     * The status an API server answers a dry run with when a webhook does not support dry runs (k8s.io/apiserver
     * v0.35.4 {@code NewDryRunUnsupportedErr}: {@code apierrors.NewBadRequest}, nothing but status, message, reason
     * and code), for HTTP 400.
     *
     * @return the status
     */
    public static Status webhookWithoutDryRun() {
        return new StatusBuilder()
                .withStatus("Failure")
                .withMessage("admission webhook \"audit.example.com\" does not support dry run")
                .withReason("BadRequest")
                .withCode(400)
                .build();
    }
}
