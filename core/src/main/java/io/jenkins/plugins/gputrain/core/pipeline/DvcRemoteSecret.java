package io.jenkins.plugins.gputrain.core.pipeline;

import io.jenkins.plugins.gputrain.core.pod.SecretEnvVar;
import io.jenkins.plugins.gputrain.core.pod.SecretFile;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DVC remote credentials for a pod gpu-train creates itself (the freestyle step), where {@code withCredentials}
 * cannot reach: the keys of a run-scoped Kubernetes Secret, and the pod's references to them — the same variables
 * the Pipeline step binds, from {@code secretKeyRef}s, and a secret file mounted read-only with its path in
 * {@code GOOGLE_APPLICATION_CREDENTIALS}.
 */
public final class DvcRemoteSecret {
    /** The Secret key, and file name, of a secret file credential. */
    public static final String FILE_KEY = "dvc-remote-credentials";

    /** Where a secret file credential is mounted in the training container. */
    public static final String FILE_PATH = "/var/run/secrets/gpu-train/" + FILE_KEY;

    /** The most a Kubernetes Secret holds. */
    public static final int MAX_BYTES = 1024 * 1024;

    private final DvcRemoteCredentialKind kind;
    private final Map<String, byte[]> data;

    private DvcRemoteSecret(DvcRemoteCredentialKind kind, Map<String, byte[]> data) {
        this.kind = kind;
        this.data = data;
    }

    /**
     * A secret file, e.g. a Google Cloud service-account key.
     *
     * @param credentialsId the credentials' id, for messages
     * @param content the file's content
     * @return the Secret's content
     * @throws InvalidSpecException naming {@code dvcRemoteCredentialsId} when the file is larger than a Secret holds
     */
    public static DvcRemoteSecret file(String credentialsId, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new InvalidSpecException(
                    StepArgument.DVC_REMOTE_CREDENTIALS_ID.argumentName(),
                    credentialsId,
                    "the secret file has " + content.length + " bytes, more than a Kubernetes Secret holds",
                    "a secret file of at most 1 MiB");
        }
        return new DvcRemoteSecret(DvcRemoteCredentialKind.FILE, Map.of(FILE_KEY, content.clone()));
    }

    /** A username with password, e.g. an S3 access key id and secret access key. */
    public static DvcRemoteSecret usernamePassword(String username, String password) {
        DvcRemoteCredentialKind kind = DvcRemoteCredentialKind.USERNAME_PASSWORD;
        Map<String, byte[]> data = new LinkedHashMap<>();
        data.put(kind.variable("usernameVariable"), utf8(username));
        data.put(kind.variable("passwordVariable"), utf8(password));
        return new DvcRemoteSecret(kind, data);
    }

    /** A secret text, e.g. an Azure Storage connection string. */
    public static DvcRemoteSecret secretText(String text) {
        DvcRemoteCredentialKind kind = DvcRemoteCredentialKind.SECRET_TEXT;
        return new DvcRemoteSecret(kind, Map.of(kind.variable("variable"), utf8(text)));
    }

    /** The kind of credentials. */
    public DvcRemoteCredentialKind kind() {
        return kind;
    }

    /** The Secret's keys and values; only for creating the Secret. */
    public Map<String, byte[]> data() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        data.forEach((key, value) -> copy.put(key, value.clone()));
        return copy;
    }

    /**
     * Makes the pod read the credentials from the Secret.
     *
     * @param spec the pod
     * @param secretName the Secret holding {@link #data()}
     */
    public void referenceFrom(TrainingPodSpec.Builder spec, String secretName) {
        if (kind == DvcRemoteCredentialKind.FILE) {
            spec.secretFile(new SecretFile(secretName, FILE_KEY, FILE_PATH, kind.variable("variable")));
        } else {
            data.keySet().forEach(variable -> spec.secretEnv(new SecretEnvVar(variable, secretName, variable)));
        }
    }

    /** Names the kind and the keys, never the values. */
    @Override
    public String toString() {
        return "DvcRemoteSecret[" + kind + ", keys " + data.keySet() + "]";
    }

    private static byte[] utf8(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }
}
