package io.jenkins.plugins.gputrain.core.pipeline;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One binding of {@code withCredentials}, as the Pipeline writes it: {@code symbol(arguments)}, e.g.
 * {@code file(credentialsId: 'gcs-key', variable: 'GOOGLE_APPLICATION_CREDENTIALS')}.
 *
 * @param symbol the binding's symbol: {@code file}, {@code usernamePassword} or {@code string}
 * @param arguments its named arguments
 */
public record CredentialBinding(String symbol, Map<String, Object> arguments) implements Serializable {
    /** Copies the arguments, keeping their order. */
    public CredentialBinding {
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
