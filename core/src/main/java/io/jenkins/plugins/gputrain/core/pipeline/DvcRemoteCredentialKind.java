package io.jenkins.plugins.gputrain.core.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of Jenkins credentials {@code dvcRemoteCredentialsId} may name, and the environment variables each is
 * bound to for DVC's remotes: a service-account key file for Google Cloud Storage, an access key pair for S3 (and
 * S3-compatible stores), a connection string for Azure Blob Storage. In a Pipeline the values live only in the
 * environment of the steps in the block; for a pod gpu-train creates itself they travel in a {@link DvcRemoteSecret}.
 * They never enter the pod spec, the log or the report.
 */
public enum DvcRemoteCredentialKind {
    /** A secret file: a Google Cloud service-account key. */
    FILE("Secret file", "file", Map.of("variable", "GOOGLE_APPLICATION_CREDENTIALS")),
    /** Username with password: an AWS access key id and secret access key. */
    USERNAME_PASSWORD(
            "Username with password",
            "usernamePassword",
            Map.of("usernameVariable", "AWS_ACCESS_KEY_ID", "passwordVariable", "AWS_SECRET_ACCESS_KEY")),
    /** Secret text: an Azure Storage connection string. */
    SECRET_TEXT("Secret text", "string", Map.of("variable", "AZURE_STORAGE_CONNECTION_STRING"));

    /** The kinds, for messages. */
    public static final String EXPECTED = "the id of a Secret file, Username with password or Secret text credential";

    private final String displayName;
    private final String symbol;
    private final Map<String, String> variables;

    DvcRemoteCredentialKind(String displayName, String symbol, Map<String, String> variables) {
        this.displayName = displayName;
        this.symbol = symbol;
        this.variables = variables;
    }

    /**
     * Every environment variable the kinds bind credentials to; a pod YAML must not give them literal values.
     *
     * @return the variables, e.g. {@code AZURE_STORAGE_CONNECTION_STRING}
     */
    public static Set<String> variables() {
        return Arrays.stream(values())
                .flatMap(kind -> kind.variables.values().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The kind's name in the Jenkins UI. */
    public String displayName() {
        return displayName;
    }

    /**
     * The environment variable a slot of the binding sets.
     *
     * @param slot {@code variable}, or {@code usernameVariable} / {@code passwordVariable}
     * @return the variable, e.g. {@code AWS_ACCESS_KEY_ID}
     * @throws IllegalArgumentException for a slot this kind does not have
     */
    String variable(String slot) {
        String variable = variables.get(slot);
        if (variable == null) {
            throw new IllegalArgumentException(name() + " has no " + slot);
        }
        return variable;
    }

    /**
     * The {@code withCredentials} binding for credentials of this kind.
     *
     * @param credentialsId the credentials' id
     * @return the binding, credentials id first, then the variables in name order
     */
    public CredentialBinding binding(String credentialsId) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("credentialsId", credentialsId);
        variables.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> arguments.put(e.getKey(), e.getValue()));
        return new CredentialBinding(symbol, arguments);
    }
}
