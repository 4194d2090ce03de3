package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;

/**
 * The status an API server answers a pod with invalid fields with, for HTTP 422, as k8s.io/apimachinery writes it
 * ({@code pkg/api/errors/errors.go}, {@code NewInvalid}): reason {@code Invalid}, the pod's kind and name in the
 * details, one cause per field with its {@code field} and {@code message}. The causes' types
 * ({@code FieldValueInvalid}, {@code FieldValueNotSupported}, …) are left out: gpu-train reads only field and message.
 */
public final class InvalidPodStatus {
    private InvalidPodStatus() {}

    /**
     * The status.
     *
     * @param podName the pod's name
     * @param fieldsAndMessages each invalid field followed by its message
     * @return the status
     */
    public static Status of(String podName, String... fieldsAndMessages) {
        StatusBuilder status = new StatusBuilder()
                .withCode(422)
                .withReason("Invalid")
                .withStatus("Failure")
                .withMessage("Pod \"" + podName + "\" is invalid")
                .withNewDetails()
                .withKind("Pod")
                .withName(podName)
                .endDetails();
        for (int i = 0; i < fieldsAndMessages.length; i += 2) {
            status.editDetails()
                    .addToCauses(new StatusCauseBuilder()
                            .withField(fieldsAndMessages[i])
                            .withMessage(fieldsAndMessages[i + 1])
                            .build())
                    .endDetails();
        }
        return status.build();
    }
}
