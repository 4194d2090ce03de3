package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The cluster connection options of {@code gpu-train run} and {@code gpu-train gc}: a kubeconfig file and context (or the usual discovery:
 * {@code KUBECONFIG}, {@code ~/.kube/config}, in-cluster service account), with short connect timeouts and a few
 * retries so that an unreachable cluster is reported within seconds.
 */
final class ClusterConnection {
    /** Connect timeout in milliseconds. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    /** Retries of a refused or failed API call (HTTP 5xx, 429, I/O), with exponential backoff. */
    static final int RETRIES = 3;

    /** First backoff interval in milliseconds. */
    static final int BACKOFF_MILLIS = 250;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig for the cluster.")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "C", description = "Kubeconfig context; default: the current one.")
    private String context;

    /**
     * The client configuration from {@code --kubeconfig} and {@code --context}.
     *
     * @return the configuration
     * @throws KubernetesClientException when the kubeconfig is missing or unusable
     */
    Config config() {
        if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
            throw new KubernetesClientException("--kubeconfig '" + kubeconfig + "': no such file");
        }
        Config config = kubeconfig == null
                ? Config.autoConfigure(context)
                : Config.fromKubeconfig(context, kubeconfig.toFile());
        if (config.getMasterUrl() == null) {
            throw new KubernetesClientException("no cluster configured (expected --kubeconfig FILE, KUBECONFIG or"
                    + " ~/.kube/config with a current context)");
        }
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(BACKOFF_MILLIS);
        return config;
    }

    /**
     * One line saying what went wrong with the cluster: unreachable (with the network error), or the API's answer.
     *
     * @param e the client's exception
     * @param masterUrl the API server
     * @return the line
     */
    static String describe(KubernetesClientException e, String masterUrl) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IOException) {
            return "cannot reach the Kubernetes API at " + masterUrl + ": " + root.getMessage() + " ("
                    + root.getClass().getSimpleName() + ")";
        }
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return "Kubernetes API at " + masterUrl + (e.getCode() > 0 ? " answered HTTP " + e.getCode() : "") + ": "
                + message;
    }
}
