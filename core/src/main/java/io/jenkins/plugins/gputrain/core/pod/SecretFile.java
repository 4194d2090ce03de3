package io.jenkins.plugins.gputrain.core.pod;

/**
 * A key of a Kubernetes Secret mounted read-only as one file in the training container, with its path in an
 * environment variable (e.g. {@code GOOGLE_APPLICATION_CREDENTIALS}). The pod spec holds only the reference and the
 * path; the content never appears in the spec, a log or an artifact.
 *
 * @param secretName the Secret in the pod's namespace
 * @param key the key within the Secret
 * @param path the absolute path of the file in the container
 * @param pathVariable the environment variable set to {@code path}
 */
public record SecretFile(String secretName, String key, String path, String pathVariable) {}
