package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One create of a pod or Secret, whose answer may be lost while the object is stored all the same: fabric8 7.3.1
 * sends a POST again after an I/O error or HTTP 5xx ({@code StandardHttpClient}), and the API server answers 504
 * while the write goes on ({@code k8s.io/apiserver} v0.35.4 {@code pkg/endpoints/handlers/finisher}), so a failed
 * create may have stored the object, and a POST sent again meets the object the first one stored: as
 * {@code 409 AlreadyExists}, or as a quota refusal that object causes (the quota admission runs before the name is
 * checked).
 *
 * <p>Each create labels its object with an id of its own, {@link #CREATE_ID_LABEL}: an object met under the name is
 * this create's only if it carries that id (the run id is no proof: parallel steps of one build share it, cut at 63
 * characters). Such an object is used; one that cannot be read after {@code 409 AlreadyExists} is named with the
 * {@code kubectl} command that deletes exactly it by that label and its name; and a create that fails while it may
 * have stored its object deletes the object under the name only if it carries the id, with a precondition on the
 * resource version read ({@code DeleteOptions.preconditions}; {@code k8s.io/apiserver} v0.35.4
 * {@code pkg/storage/interfaces.go} {@code Preconditions.Check}, a conflict when the object changed), so that nothing
 * of another run's is ever deleted.
 */
final class UncertainCreation {
    /** The label that carries a create's own id, a random UUID. */
    static final String CREATE_ID_LABEL = "gpu-train.jenkins.io/create-id";

    /** How often the deletion reads the object again when it changed between the read and the delete. */
    private static final int DELETE_CONFLICTS = 3;

    private final CreatedObject object;
    private final KubernetesClient client;
    private final ProgressListener listener;
    private final Clock clock;
    private final Sleeper sleeper;
    private boolean mayHaveStored;
    private boolean named;

    /**
     * A create of the object.
     *
     * @param object the object, with this create's id
     * @param client the cluster
     * @param listener where the outcome is told
     * @param clock the time, for the reads through an API server that does not answer
     * @param sleeper waits between those reads
     */
    UncertainCreation(
            CreatedObject object, KubernetesClient client, ProgressListener listener, Clock clock, Sleeper sleeper) {
        this.object = object;
        this.client = client;
        this.listener = listener;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A new create id. */
    static String newCreateId() {
        return UUID.randomUUID().toString();
    }

    /** The labels the object carries for this create, beside its own. */
    Map<String, String> label() {
        return Map.of(CREATE_ID_LABEL, object.createId());
    }

    /**
     * Whether a refused create met the object an earlier attempt of it stored, told when it did: after
     * {@code 409 AlreadyExists} the object is read through an API server that does not answer for up to
     * {@link ApiOutage#LIMIT}, and one that still cannot be read is named with the command that deletes it if it is
     * this create's; after a quota refusal it is read once, and one that cannot be read is deleted if it is this
     * create's when the create fails ({@link #deleteWhatItMayHaveStored()}).
     *
     * @param refusal what the API server answered
     */
    boolean storedEarlier(KubernetesClientException refusal) throws InterruptedException {
        boolean exists = alreadyExists(refusal);
        if (!exists && !quotaRefusal(refusal)) {
            return false;
        }
        HasMetadata stored;
        try {
            stored = exists
                    ? readThroughOutage("reading " + object.kind().kubectlName() + " " + object.name()
                            + ", which the create found existing")
                    : resource(client).get();
        } catch (InterruptedException e) {
            if (exists) {
                tellUnread("interrupted while reading it");
            }
            throw e;
        } catch (KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "reading " + object.kind().kubectlName() + " " + object.name());
            if (exists) {
                tellUnread(ApiErrors.firstLine(e));
            } else {
                mayHaveStored = true;
            }
            return false;
        }
        if (!carriesThisId(stored) || stored.getMetadata().getDeletionTimestamp() != null) {
            return false;
        }
        listener.progress(object.kind().kubectlName() + " " + object.name() + " exists with this create's id: an"
                + " earlier attempt of the create stored it, its answer lost; using it");
        return true;
    }

    /**
     * Reads the object back after its create was answered, through an API server that does not answer for up to
     * {@link ApiOutage#LIMIT}, and checks that it carries this create's id.
     *
     * @throws KubernetesClientException when it cannot be read (e.g. RBAC refuses {@code get}), is gone, or carries
     *     another id
     * @throws InterruptedException when interrupted while reading it
     */
    void readBack() throws InterruptedException {
        HasMetadata stored = readThroughOutage(
                "reading " + object.kind().kubectlName() + " " + object.name() + " back after its create");
        if (!carriesThisId(stored)) {
            throw new KubernetesClientException(
                    stored == null
                            ? "it is gone (HTTP 404)"
                            : "it does not carry this create's id (" + CREATE_ID_LABEL + "=" + object.createId() + ")");
        }
    }

    /**
     * Takes note of how the create failed: without an answer (or with HTTP 5xx), or interrupted, it may have stored
     * the object.
     */
    void failed(Exception e) {
        mayHaveStored |= e instanceof InterruptedException
                || e instanceof KubernetesClientException refusal && mayHaveStored(refusal);
    }

    /**
     * Deletes the object under the name if the failed create may have stored it and it carries this create's id; an
     * object already named with its {@code kubectl} command is left to it. Told, never thrown ({@link ResourceDeletion}).
     */
    void deleteWhatItMayHaveStored() {
        if (mayHaveStored && !named) {
            ResourceDeletion.delete(object, client, this::deleteIfThisCreates, listener);
        }
    }

    /** Whether a create was refused with {@code 409 AlreadyExists}: an object of that name is stored. */
    static boolean alreadyExists(KubernetesClientException e) {
        return e.getCode() == 409
                && e.getStatus() != null
                && "AlreadyExists".equals(e.getStatus().getReason());
    }

    /**
     * Whether a {@code ResourceQuota} refused the create for now: HTTP 403 {@code exceeded quota} (other objects hold
     * the quota), HTTP 403 {@code status unknown for quota} (the quota controller has not yet computed a new quota's
     * usage) or HTTP 409 other than {@code AlreadyExists} (the quota admission's conflicting update of the quota
     * object).
     */
    static boolean quotaRefusal(KubernetesClientException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return (e.getCode() == 403
                        && (message.contains("exceeded quota") || message.contains("status unknown for quota")))
                || (e.getCode() == 409 && !alreadyExists(e));
    }

    /**
     * Whether a failed create may have stored the object: no answer, or an HTTP 5xx; an answered refusal (4xx) stored
     * nothing.
     */
    static boolean mayHaveStored(KubernetesClientException e) {
        return e.getCode() <= 0 || e.getCode() >= 500 || ApiOutage.connectionError(e);
    }

    private boolean carriesThisId(HasMetadata stored) {
        Map<String, String> labels =
                stored == null ? null : stored.getMetadata().getLabels();
        return labels != null && object.createId().equals(labels.get(CREATE_ID_LABEL));
    }

    /** The object read, and deleted if it carries this create's id, at the resource version read. */
    private List<StatusDetails> deleteIfThisCreates(KubernetesClient sender) {
        Resource<? extends HasMetadata> resource = resource(sender);
        for (int attempt = 1; ; attempt++) {
            HasMetadata stored = resource.get();
            if (!carriesThisId(stored)) {
                return List.of();
            }
            try {
                return resource.lockResourceVersion(stored.getMetadata().getResourceVersion())
                        .delete();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= DELETE_CONFLICTS) {
                    throw e;
                }
            }
        }
    }

    private Resource<? extends HasMetadata> resource(KubernetesClient sender) {
        return sender.resources(object.kind().type())
                .inNamespace(object.namespace())
                .withName(object.name());
    }

    /** Names the command that deletes the object under the name if it carries this create's id. */
    private void tellUnread(String why) {
        named = true;
        listener.progress(object.kind().kubectlName() + " " + object.name() + " already exists and could not be read ("
                + why + "): an earlier attempt of this create, its answer lost, may have stored it; if it is this"
                + " create's, delete it with: " + object.deleteCommand());
    }

    /** Reads the object, trying again while the API server does not answer ({@link ApiOutage}), pausing 1 s, 2 s, … */
    private HasMetadata readThroughOutage(String during) throws InterruptedException {
        ApiOutage outage = new ApiOutage(clock, listener);
        Duration pause = Duration.ofSeconds(1);
        while (true) {
            try {
                HasMetadata stored = resource(client).get();
                outage.answered(during);
                return stored;
            } catch (KubernetesClientException e) {
                ClientInterrupts.rethrowIfInterrupted(e, during);
                if (!outage.tolerate(e, during)) {
                    throw e;
                }
                sleeper.sleep(outage.pauseWithin(pause));
                pause = pause.multipliedBy(2);
            }
        }
    }
}
