package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The API server's refusal of a pod for invalid fields (HTTP 422), from the dry run or the real create alike, as one
 * line of its own {@code field: message}: the first field it named and how many more, nothing having been created.
 */
final class InvalidPod {
    private static final int UNPROCESSABLE_ENTITY = 422;

    private InvalidPod() {}

    /**
     * The refusal, when the API server's answer is one.
     *
     * @param e what the client threw
     * @param podName the pod's name
     * @param creation which create it refused, e.g. {@code a dry-run create}
     * @return a {@link PodFailure.Kind#REFUSED} failure, or empty for any other answer
     */
    static Optional<PodFailureException> refusal(KubernetesClientException e, String podName, String creation) {
        if (e.getCode() != UNPROCESSABLE_ENTITY) {
            return Optional.empty();
        }
        return Optional.of(new PodFailureException(new PodFailure(
                PodFailure.Kind.REFUSED,
                "the Kubernetes API server refused pod " + podName + " (" + creation + "; nothing was created): "
                        + verdict(e))));
    }

    /** The API server's first {@code field: message}, and the fields of the others. */
    private static String verdict(KubernetesClientException e) {
        Status status = e.getStatus();
        List<StatusCause> causes = status == null || status.getDetails() == null
                ? List.of()
                : status.getDetails().getCauses();
        if (causes.isEmpty()) {
            return oneLine(
                    status == null || status.getMessage() == null ? ApiErrors.firstLine(e) : status.getMessage());
        }
        String first = describe(causes.get(0));
        if (causes.size() == 1) {
            return first;
        }
        return first + " (and " + (causes.size() - 1) + " more: "
                + causes.subList(1, causes.size()).stream()
                        .map(cause -> String.valueOf(cause.getField()))
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private static String describe(StatusCause cause) {
        String message = oneLine(String.valueOf(cause.getMessage()));
        return cause.getField() == null || cause.getField().isEmpty() ? message : cause.getField() + ": " + message;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
