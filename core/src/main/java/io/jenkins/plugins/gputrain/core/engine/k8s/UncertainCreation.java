package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A create whose answer may be lost while the object is stored all the same: fabric8 7.3.1 sends a POST again after
 * an I/O error or HTTP 5xx ({@code StandardHttpClient}), and the API server answers 504 while the write goes on
 * ({@code k8s.io/apiserver} v0.35.4 {@code pkg/endpoints/handlers/finisher}), so a failed create may have stored the
 * object, and a POST sent again meets {@code 409 AlreadyExists} for the object the first one stored. Such an object
 * is recognised by the run id label gpu-train writes on its pods and Secrets.
 */
final class UncertainCreation {
    private UncertainCreation() {}

    /**
     * Whether a failed create may have stored the object: no answer, or an HTTP 5xx; an answered refusal (4xx) stored
     * nothing.
     */
    static boolean mayHaveStored(KubernetesClientException e) {
        return e.getCode() <= 0 || e.getCode() >= 500 || ApiOutage.connectionError(e);
    }

    /**
     * Whether a create refused with {@code 409 AlreadyExists} met the object an earlier attempt of the same create
     * stored (for the run's Secret; the pod's create checks this itself, {@link PodCreation}).
     *
     * @param e the refusal
     * @param sent the object sent
     * @param stored reads the object stored under its name ({@code null} when there is none)
     */
    static boolean storedEarlier(
            KubernetesClientException e, HasMetadata sent, Supplier<? extends HasMetadata> stored) {
        if (!alreadyExists(e)) {
            return false;
        }
        try {
            return sameRun(sent, stored.get());
        } catch (KubernetesClientException unreadable) {
            return false;
        }
    }

    /** Whether a create was refused with {@code 409 AlreadyExists}: an object of that name is stored. */
    static boolean alreadyExists(KubernetesClientException e) {
        return e.getCode() == 409
                && e.getStatus() != null
                && "AlreadyExists".equals(e.getStatus().getReason());
    }

    /**
     * Whether the object stored under the name is the one sent, stored by an earlier attempt of the same create: it
     * carries the same run id label and is not being deleted (the API server answers {@code AlreadyExists} for an
     * object being deleted too: {@code k8s.io/apiserver} v0.35.4 {@code registry/generic/registry/store.go} Create).
     * A resend can also meet a refusal that the first attempt's own object caused, e.g. {@code 403 exceeded quota}
     * (quota admission runs before the name is checked).
     *
     * @param sent the object sent
     * @param stored the object stored under its name ({@code null} when there is none)
     */
    static boolean sameRun(HasMetadata sent, HasMetadata stored) {
        String runId = runId(sent);
        return runId != null
                && stored != null
                && stored.getMetadata().getDeletionTimestamp() == null
                && Objects.equals(runId(stored), runId);
    }

    /** The object's run id label, or {@code null}. */
    static String runId(HasMetadata object) {
        Map<String, String> labels =
                object.getMetadata() == null ? null : object.getMetadata().getLabels();
        return labels == null ? null : labels.get(TrainingPodFactory.RUN_ID_LABEL);
    }
}
