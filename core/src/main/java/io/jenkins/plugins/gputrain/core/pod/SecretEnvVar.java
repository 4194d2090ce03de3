package io.jenkins.plugins.gputrain.core.pod;

/**
 * An environment variable of the training container whose value comes from a key of a Kubernetes Secret. The pod
 * spec holds only the reference; the value never appears in the spec, a log or an artifact.
 *
 * @param name the variable, e.g. {@code AWS_SECRET_ACCESS_KEY}
 * @param secretName the Secret in the pod's namespace
 * @param key the key within the Secret
 */
public record SecretEnvVar(String name, String secretName, String key) {}
