package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class RunSecretTest {
    KubernetesMockServer server;
    KubernetesClient client;

    private static final String SECRET_PATH = "/api/v1/namespaces/ml/secrets/s";

    private final RecordedProgress listener = new RecordedProgress();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T00:00:00Z"));
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Test
    void theSecretIsLabelledImmutableAndGoneWhenTheTrainingEnds() throws Exception {
        Map<String, byte[]> data = Map.of("AWS_SECRET_ACCESS_KEY", "s3cr3t".getBytes(StandardCharsets.UTF_8));

        try (RunSecret secret = RunSecret.create(client, "ml", "gpu-train-secret-1", "job-7", data, listener)) {
            Secret stored =
                    client.secrets().inNamespace("ml").withName(secret.name()).get();
            assertThat(stored.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/managed-by", "gpu-train")
                    .containsEntry("gpu-train.jenkins.io/run-id", "job-7");
            assertThat(stored.getImmutable()).isTrue();
            assertThat(stored.getType()).isEqualTo("Opaque");
            assertThat(Base64.getDecoder().decode(stored.getData().get("AWS_SECRET_ACCESS_KEY")))
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("s3cr3t");
        }

        assertThat(client.secrets()
                        .inNamespace("ml")
                        .withName("gpu-train-secret-1")
                        .get())
                .isNull();
        assertThat(listener.output).isEmpty();
        assertThat(listener.progress)
                .containsExactly(
                        "created secret ml/gpu-train-secret-1 with keys [AWS_SECRET_ACCESS_KEY] (deleted when the"
                                + " training ends)",
                        "deleted secret gpu-train-secret-1");
        assertThat(String.join("\n", listener.progress)).doesNotContain("s3cr3t");
    }

    @Test
    void withoutANamespaceTheClientsIsUsed() throws Exception {
        try (RunSecret secret = RunSecret.create(client, null, "s", "r", Map.of("k", new byte[] {1}), listener)) {
            assertThat(client.secrets()
                            .inNamespace(client.getNamespace())
                            .withName(secret.name())
                            .get())
                    .isNotNull();
        }
    }

    @Test
    void aSecretThatAlreadyExistsIsRefusedAndLeftAlone() throws Exception {
        RunSecret.create(client, "ml", "taken", "other-run", Map.of("k", new byte[] {1}), ProgressListener.quiet());

        assertThatThrownBy(() -> RunSecret.create(client, "ml", "taken", "r", Map.of("k", new byte[] {2}), listener))
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageStartingWith("cannot create secret ml/taken for the DVC remote credentials (HTTP 409): ");
        assertThat(client.secrets().inNamespace("ml").withName("taken").get().getData())
                .containsEntry("k", "AQ==");
        assertThat(listener.progress).isEmpty();
    }

    /** A create sent again after its answer was lost meets the Secret its first attempt stored: this create's. */
    @Test
    void aSecretStoredByALostAttemptOfTheCreateIsUsed() throws Exception {
        stored("id-1");
        refuseCreate(409, "AlreadyExists", "secrets \"s\" already exists");

        try (RunSecret secret = create(client, "id-1", sleeps::add)) {
            assertThat(secret.name()).isEqualTo("s");
        }
        assertThat(storedSecret()).isNull();
        assertThat(listener.progress)
                .startsWith("secret s exists with this create's id: an earlier attempt of the create stored it, its"
                        + " answer lost; using it");
    }

    /**
     * Issue 14 review (14a) 7: a parallel step of the same build (the same run id) that meets the Secret of a sibling
     * under the name neither uses nor deletes it: the create ids differ.
     */
    @Test
    void aSiblingsSecretWithTheSameRunIdIsNeitherUsedNorDeleted() throws Exception {
        stored("sibling");
        refuseCreate(409, "AlreadyExists", "secrets \"s\" already exists");

        assertThatThrownBy(() -> create(client, "mine", sleeps::add))
                .hasMessageStartingWith("cannot create secret ml/s for the DVC remote credentials (HTTP 409): ");
        assertThat(storedSecret().getMetadata().getLabels())
                .containsEntry(UncertainCreation.CREATE_ID_LABEL, "sibling");
        assertThat(listener.progress).isEmpty();
    }

    /**
     * Issue 14 review (14a) 4: after {@code 409 AlreadyExists}, a Secret that does not answer for now is read again
     * (pausing 1 s) and used when it is this create's.
     */
    @Test
    void aSecretTheCreateFoundExistingIsReadThroughAnOutage() throws Exception {
        stored("id-1");
        refuseCreate(409, "AlreadyExists", "secrets \"s\" already exists");
        server.expect()
                .get()
                .delay(5, TimeUnit.SECONDS)
                .withPath(SECRET_PATH)
                .andReturn(200, storedSecret())
                .once();

        try (KubernetesClient impatient = MockClients.withoutRetries(client, Duration.ofMillis(500));
                RunSecret secret = create(impatient, "id-1", sleeps::add)) {
            assertThat(secret.name()).isEqualTo("s");
        }
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(listener.progress)
                .contains("secret s exists with this create's id: an earlier attempt of the create stored it, its"
                        + " answer lost; using it");
    }

    /**
     * Issue 14 review (14a) 4: after {@code 409 AlreadyExists}, a Secret that cannot be read is not deleted by its
     * name (it may be another run's) but named in one line with the command that deletes it only if it is this
     * create's.
     */
    @Test
    void aSecretTheCreateFoundExistingAndCannotReadIsNamedWithTheCommandToDeleteIt() {
        refusedWhileTheSecretCannotBeRead(409, "AlreadyExists", "secrets \"s\" already exists");
        assertThat(listener.progress)
                .singleElement()
                .asString()
                .startsWith("secret s already exists and could not be read (")
                .endsWith("): an earlier attempt of this create, its answer lost, may have stored it; if it is this"
                        + " create's, delete it with: kubectl delete secret -n ml -l"
                        + " gpu-train.jenkins.io/create-id=id-1 --field-selector metadata.name=s");
        assertThat(storedSecret()).isNotNull();
    }

    /**
     * Issue 14 review (14a) 4: a resend can meet a quota that its first attempt's own Secret fills; when that Secret
     * cannot be read, the failed create deletes it, as it carries this create's id.
     */
    @Test
    void aQuotaRefusalWhoseSecretCannotBeReadDeletesItWhenItIsThisCreates() {
        refusedWhileTheSecretCannotBeRead(
                403,
                "Forbidden",
                "secrets \"s\" is forbidden: exceeded quota: q, requested: secrets=1, used: secrets=1, limited:"
                        + " secrets=1");
        assertThat(storedSecret()).isNull();
        assertThat(listener.progress).containsExactly("deleted secret s");
    }

    /** A create that got no answer (HTTP 5xx) may have stored the Secret all the same: deleted, then thrown. */
    @Test
    void aCreateWithoutAnAnswerDeletesTheSecretItMayHaveStored() {
        stored("id-1");
        answerCreatesWith504();

        try (KubernetesClient noRetries = MockClients.withoutRetries(client)) {
            assertThatThrownBy(() -> create(noRetries, "id-1", sleeps::add))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                            .isEqualTo(504));
        }
        assertThat(storedSecret()).isNull();
        assertThat(listener.progress).containsExactly("deleted secret s");
    }

    /** Issue 14 review (14a) 7: a create without an answer never deletes another's Secret under the name. */
    @Test
    void aCreateWithoutAnAnswerLeavesAnothersSecretUnderTheName() {
        stored("sibling");
        answerCreatesWith504();

        try (KubernetesClient noRetries = MockClients.withoutRetries(client)) {
            assertThatThrownBy(() -> create(noRetries, "mine", sleeps::add))
                    .isInstanceOf(KubernetesClientException.class);
        }
        assertThat(storedSecret()).isNotNull();
        assertThat(listener.progress)
                .containsExactly("found no secret s to delete (none under that name carries this create's id:"
                        + " nothing was stored, it is gone already, or it is another's)");
    }

    /**
     * An interrupt while reading a Secret the create found existing leaves it to the command that deletes it if it
     * is this create's, and keeps the interrupt.
     */
    @Test
    void anInterruptWhileReadingASecretTheCreateFoundExistingNamesItAndIsKept() {
        stored("id-1");
        refuseCreate(409, "AlreadyExists", "secrets \"s\" already exists");
        server.expect()
                .get()
                .delay(5, TimeUnit.SECONDS)
                .withPath(SECRET_PATH)
                .andReturn(200, storedSecret())
                .always();

        try (KubernetesClient impatient = MockClients.withoutRetries(client, Duration.ofMillis(500))) {
            assertThatThrownBy(() -> create(impatient, "id-1", pause -> {
                        throw new InterruptedException("stopped");
                    }))
                    .isInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(listener.progress)
                .last()
                .isEqualTo("secret s already exists and could not be read (interrupted while reading it): an earlier"
                        + " attempt of this create, its answer lost, may have stored it; if it is this create's,"
                        + " delete it with: kubectl delete secret -n ml -l gpu-train.jenkins.io/create-id=id-1"
                        + " --field-selector metadata.name=s");
    }

    /**
     * This create's Secret "s" stored, the create refused so and the Secret's next read answered HTTP 500: the
     * refusal is thrown as one line.
     */
    private void refusedWhileTheSecretCannotBeRead(int code, String reason, String message) {
        stored("id-1");
        refuseCreate(code, reason, message);
        server.expect()
                .get()
                .withPath(SECRET_PATH)
                .andReturn(500, "etcdserver: request timed out")
                .once();

        try (KubernetesClient noRetries = MockClients.withoutRetries(client)) {
            assertThatThrownBy(() -> create(noRetries, "id-1", sleeps::add))
                    .hasMessageStartingWith(
                            "cannot create secret ml/s for the DVC remote credentials (HTTP " + code + "): ");
        }
    }

    private RunSecret create(KubernetesClient sender, String createId, Sleeper sleeper) throws InterruptedException {
        return RunSecret.create(
                sender,
                new CreatedObject(Leftovers.Kind.SECRET, "ml", "s", createId),
                "r",
                Map.of("k", new byte[] {1}),
                listener,
                clock,
                sleeper);
    }

    /** The Secret "s" of run "r" as the create with that id stored it. */
    private void stored(String createId) {
        try {
            RunSecret.create(
                    client,
                    new CreatedObject(Leftovers.Kind.SECRET, "ml", "s", createId),
                    "r",
                    Map.of("k", new byte[] {1}),
                    ProgressListener.quiet(),
                    clock,
                    sleeps::add);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private Secret storedSecret() {
        return client.secrets().inNamespace("ml").withName("s").get();
    }

    /** The mock API server refuses the next create with this status (as the API server answers it). */
    private void refuseCreate(int code, String reason, String message) {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/ml/secrets")
                .andReturn(
                        code,
                        new StatusBuilder()
                                .withCode(code)
                                .withReason(reason)
                                .withMessage(message)
                                .build())
                .once();
    }

    private void answerCreatesWith504() {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/ml/secrets")
                .andReturn(504, "the server was unable to return a response in the time allotted")
                .always();
    }

    @Test
    void anRbacRefusalIsOneLineWithTheApiServersReasonNotTheRequestDump() {
        String reason = "secrets is forbidden: User \"system:serviceaccount:ml:ci\" cannot create resource"
                + " \"secrets\" in API group \"\" in the namespace \"ml\"";
        refuseCreate(403, "Forbidden", reason);

        assertThatThrownBy(() -> RunSecret.create(client, "ml", "s", "r", Map.of("k", new byte[] {1}), listener))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(ApiErrors.line(e, 10_000))
                            .isEqualTo(
                                    "cannot create secret ml/s for the DVC remote credentials (HTTP 403): " + reason);
                });
        assertThat(listener.progress).isEmpty();
    }

    @Test
    void anInterruptedBuildStillDeletesTheSecretAndStaysInterrupted() throws Exception {
        RunSecret secret = RunSecret.create(client, "ml", "s", "r", Map.of("k", new byte[] {1}), listener);

        Thread.currentThread().interrupt();
        secret.close();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(client.secrets().inNamespace("ml").withName("s").get()).isNull();
    }

    /**
     * Credentials that may create Secrets but not {@code get} them (RBAC's answer, Kubernetes v1.35.4) fail right
     * after the create, in one line naming the permission, and the Secret is deleted again.
     */
    @Test
    void aSecretThatCannotBeReadBackIsDeletedAndRefusedInOneLine() {
        String reason = "secrets \"s\" is forbidden: User \"system:serviceaccount:ml:ci\" cannot get resource"
                + " \"secrets\" in API group \"\" in the namespace \"ml\"";
        server.expect()
                .get()
                .withPath(SECRET_PATH)
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage(reason)
                                .build())
                .once();

        assertThatThrownBy(() -> create(client, "id-1", sleeps::add))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(ApiErrors.line(e, 10_000))
                            .isEqualTo("cannot read secret ml/s back after creating it (HTTP 403): " + reason
                                    + "; gpu-train reads its Secret to know it by its create id (a create whose"
                                    + " answer is lost may have stored it): allow get on secrets; the Secret was"
                                    + " deleted again");
                });
        assertThat(storedSecret()).isNull();
        assertThat(listener.progress)
                .containsExactly(
                        "created secret ml/s with keys [k] (deleted when the training ends)", "deleted secret s");
    }

    /** A Secret read back without this create's id (replaced meanwhile) is refused, and deleted as the create's. */
    @Test
    void aSecretReadBackWithAnotherIdIsRefused() {
        server.expect()
                .get()
                .withPath(SECRET_PATH)
                .andReturn(
                        200,
                        new io.fabric8.kubernetes.api.model.SecretBuilder()
                                .withNewMetadata()
                                .withName("s")
                                .withNamespace("ml")
                                .addToLabels(UncertainCreation.CREATE_ID_LABEL, "id-2")
                                .endMetadata()
                                .build())
                .once();

        assertThatThrownBy(() -> create(client, "id-1", sleeps::add))
                .hasMessage("cannot read secret ml/s back after creating it: it does not carry this create's id"
                        + " (gpu-train.jenkins.io/create-id=id-1); the Secret was deleted again");
    }

    /**
     * A Secret read back with another create's id that has replaced this create's under the name: the deletion carries
     * the {@code resourceVersion} of this create's answer as its precondition, the API server refuses it (HTTP 409, as
     * Kubernetes v1.35.4 answers a precondition that fails), and the other Secret is left alone, so said.
     */
    @Test
    void aSecretReadBackWithAnotherIdThatReplacedThisCreatesIsNotDeleted() throws Exception {
        anotherIdReadBack();
        server.expect()
                .delete()
                .withPath(SECRET_PATH)
                .andReturn(
                        409,
                        new StatusBuilder()
                                .withCode(409)
                                .withReason("Conflict")
                                .withMessage("Precondition failed: ResourceVersion in precondition: 1,"
                                        + " ResourceVersion in object meta: 7")
                                .build())
                .once();

        assertThatThrownBy(() -> create(client, "id-1", sleeps::add))
                .hasMessage("cannot read secret ml/s back after creating it: it does not carry this create's id"
                        + " (gpu-train.jenkins.io/create-id=id-1); the Secret it stored was not found to delete (gone"
                        + " already, or replaced by another's, left alone)");
        RecordedRequest deletion = server.getLastRequest();
        assertThat(deletion.getMethod()).isEqualTo("DELETE");
        assertThat(deletion.getUtf8Body())
                .contains("\"preconditions\":{\"resourceVersion\":\""
                        + storedSecret().getMetadata().getResourceVersion() + "\"}");
        assertThat(listener.progress)
                .contains("found no secret s to delete (none under that name carries this create's id: nothing was"
                        + " stored, it is gone already, or it is another's)");
    }

    /** A deletion that fails after the read back says so, with the command that deletes the Secret. */
    @Test
    void aSecretThatCannotBeReadBackNorDeletedIsNamedWithTheCommand() {
        anotherIdReadBack();
        server.expect()
                .delete()
                .withPath(SECRET_PATH)
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage("cannot delete")
                                .build())
                .once();

        assertThatThrownBy(() -> create(client, "id-1", sleeps::add))
                .hasMessageEndingWith("; the Secret could not be deleted: delete it with the command above");
        assertThat(listener.progress)
                .anyMatch(line -> line.startsWith("could not delete secret s (") && line.contains("delete it with:"));
    }

    /** A Secret already gone when it is deleted after the read back is not said to be deleted. */
    @Test
    void aSecretGoneWhenDeletedAfterTheReadBackIsNotSaidToBeDeleted() {
        anotherIdReadBack();
        server.expect().delete().withPath(SECRET_PATH).andReturn(404, "").once();

        assertThatThrownBy(() -> create(client, "id-1", sleeps::add))
                .hasMessageEndingWith("; the Secret it stored was not found to delete (gone already, or replaced by"
                        + " another's, left alone)");
    }

    /** The read back finds a Secret of create {@code id-2} under the name. */
    private void anotherIdReadBack() {
        server.expect()
                .get()
                .withPath(SECRET_PATH)
                .andReturn(
                        200,
                        new io.fabric8.kubernetes.api.model.SecretBuilder()
                                .withNewMetadata()
                                .withName("s")
                                .withNamespace("ml")
                                .addToLabels(UncertainCreation.CREATE_ID_LABEL, "id-2")
                                .endMetadata()
                                .build())
                .once();
    }

    /** The read back goes through an API server that does not answer for a while, as any read of the create's. */
    @Test
    void theReadBackWaitsThroughAnOutage() throws Exception {
        server.expect()
                .get()
                .delay(5, TimeUnit.SECONDS)
                .withPath(SECRET_PATH)
                .andReturn(200, "{}")
                .once();

        try (KubernetesClient impatient = MockClients.withoutRetries(client, Duration.ofMillis(500));
                RunSecret secret = create(impatient, "id-1", sleeps::add)) {
            assertThat(secret.name()).isEqualTo("s");
        }
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }
}
