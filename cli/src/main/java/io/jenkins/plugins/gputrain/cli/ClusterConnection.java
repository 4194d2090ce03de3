package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Utils;
import io.jenkins.plugins.gputrain.core.engine.k8s.ApiErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The cluster connection options of {@code gpu-train run} and {@code gpu-train gc}: a kubeconfig file and context (or
 * the usual discovery: {@code KUBECONFIG}, {@code ~/.kube/config}, then the in-cluster service account), checked
 * before connecting, with short connect timeouts and a few retries so that an unreachable cluster is reported within
 * seconds.
 */
final class ClusterConnection {
    /** Connect timeout in milliseconds. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    /** Retries of a refused or failed API call (HTTP 5xx, 429, I/O), with exponential backoff. */
    static final int RETRIES = 3;

    /** First backoff interval in milliseconds. */
    static final int BACKOFF_MILLIS = 250;

    /**
     * How long one API call may wait for its answer. fabric8 7.3.1 gives up 5 s after it ({@code StandardHttpClient}'s
     * {@code MAX_ADDITIONAL_REQUEST_TIMEOUT}) with a {@code TimeoutException} it does not retry; its default of 10 s
     * failed runs on a busy API server (20 runs at once on a 2-core machine).
     */
    static final int REQUEST_TIMEOUT_MILLIS = 30_000;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig for the cluster.")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "C", description = "Kubeconfig context; default: the current one.")
    private String context;

    /**
     * A client configuration and where it came from.
     *
     * @param config the client configuration
     * @param origin e.g. {@code kubeconfig /home/me/.kube/config, context gpu, cluster prod}, for messages
     */
    record Target(Config config, String origin) {}

    /**
     * The client configuration from {@code --kubeconfig} and {@code --context}, or the kubeconfig files the Kubernetes
     * client finds, or the in-cluster service account; checked so that what is wrong is one line naming the file,
     * context and cluster.
     *
     * @return the configuration and its origin
     * @throws CommandFailure when no configuration is found or it is unusable
     */
    Target target() throws CommandFailure {
        ClientVariables.check();
        List<Path> files = kubeconfigFiles();
        if (files.isEmpty()) {
            return inCluster();
        }
        Kubeconfig declared = Kubeconfig.read(files);
        String name = declared.context(context);
        String origin = "kubeconfig " + declared.files() + ", context " + name + ", cluster " + declared.cluster(name);
        Config config;
        try {
            config = clientConfig(declared, name);
        } catch (RuntimeException e) {
            throw new CommandFailure("cannot use " + origin + ": " + ErrorReporting.oneLine(e.getMessage()), e);
        }
        ProxySettings.apply(config, declared.proxyUrl(name));
        Optional<Path> tokenFile = declared.tokenFile(name);
        if (tokenFile.isPresent()) {
            config.setOauthTokenProvider(TokenFile.read(tokenFile.get(), "cannot use " + origin));
        }
        Optional<ExecPlugin> plugin = declared.execPlugin(name);
        if (plugin.isPresent() && !hasCredentials(config)) {
            throw new CommandFailure(
                    "cannot use " + origin + ": getting credentials: exec: " + whyNoCredentials(plugin.get()));
        }
        return new Target(withTimeouts(config), origin);
    }

    /**
     * The client's configuration, built so that its token refresh (exec plugins, OIDC) reads the same files again:
     * the client's own discovery when it reads exactly the files gpu-train checked, {@code --kubeconfig FILE} as the
     * client reads one file, else (a stream, a list with files of only comments) merged from what gpu-train read.
     * The environment's settings (HTTPS_PROXY, NO_PROXY, KUBERNETES_NAMESPACE …) apply on top, as the fabric8 client
     * applies them.
     */
    private Config clientConfig(Kubeconfig declared, String name) {
        if (kubeconfig == null && declared.clientReadsAll()) {
            Config discovered = Config.autoConfigure(name);
            if (discovered.getCurrentContext() != null
                    && name.equals(discovered.getCurrentContext().getName())) {
                return discovered;
            }
        }
        if (kubeconfig != null && Files.isRegularFile(kubeconfig)) {
            Config config = Config.fromKubeconfig(name, kubeconfig.toFile());
            Config.configFromSysPropsOrEnvVars(config);
            return config;
        }
        return MergedConfig.of(name, declared::documents);
    }

    /** Whether the client has a token, a client certificate or a user name and password. */
    private static boolean hasCredentials(Config config) {
        return config.getOauthTokenProvider() != null
                || notEmpty(config.getAutoOAuthToken())
                || notEmpty(config.getOauthToken())
                || notEmpty(config.getClientCertData())
                || notEmpty(config.getClientCertFile())
                || notEmpty(config.getUsername());
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    private static String whyNoCredentials(ExecPlugin plugin) throws CommandFailure {
        try {
            return plugin.whyNoCredentials();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while running the exec credential plugin " + plugin.command(), e);
        }
    }

    /** The kubeconfig files to read: {@code --kubeconfig}, else those of the client's discovery that exist. */
    private List<Path> kubeconfigFiles() throws CommandFailure {
        if (kubeconfig != null) {
            if (Files.isDirectory(kubeconfig) || !Files.isReadable(kubeconfig)) {
                throw new CommandFailure("--kubeconfig '" + kubeconfig + "': "
                        + (Files.isDirectory(kubeconfig)
                                ? "is a directory"
                                : Files.exists(kubeconfig) ? "not readable" : "no such file")
                        + " (expected a kubeconfig file)");
            }
            return List.of(kubeconfig);
        }
        List<Path> candidates =
                Config.getKubeconfigFilenames().stream().map(Path::of).toList();
        List<Path> existing = candidates.stream()
                .filter(file -> Files.exists(file) && !Files.isDirectory(file))
                .toList();
        String fromEnvironment = System.getenv("KUBECONFIG");
        if (existing.isEmpty() && fromEnvironment != null && !fromEnvironment.isBlank()) {
            boolean directories = candidates.stream().anyMatch(Files::isDirectory);
            throw new CommandFailure("KUBECONFIG=" + fromEnvironment + ": "
                    + (directories
                            ? (candidates.size() == 1 ? "is a directory" : "only directories or no such file")
                            : "no such file")
                    + " (expected a kubeconfig file; or pass --kubeconfig FILE)");
        }
        return existing;
    }

    /** The in-cluster service account, when this runs in a pod; otherwise says where it looked. */
    private Target inCluster() throws CommandFailure {
        String host = Utils.getSystemPropertyOrEnvVar(Config.KUBERNETES_SERVICE_HOST_PROPERTY);
        String port = Utils.getSystemPropertyOrEnvVar(Config.KUBERNETES_SERVICE_PORT_PROPERTY);
        Path token = Path.of(Utils.getSystemPropertyOrEnvVar(
                Config.KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN_FILE_SYSTEM_PROPERTY,
                Config.KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH));
        String looked = "no kubeconfig found (--kubeconfig not given, KUBECONFIG not set, no "
                + String.join(" or ", Config.getKubeconfigFilenames()) + ")";
        if (context != null) {
            throw new CommandFailure("--context '" + ErrorReporting.oneLine(context) + "': " + looked);
        }
        String missing = serviceAddressMissing(host, port)
                .orElse(Files.isRegularFile(token) ? null : "no service account token " + token);
        if (missing != null) {
            throw new CommandFailure(looked + ", and in-cluster configuration was tried: " + missing
                    + " (not running in a pod); pass --kubeconfig FILE");
        }
        String origin = "in-cluster service account (" + host + ")";
        Config config;
        try {
            config = Config.autoConfigure(null);
        } catch (RuntimeException e) {
            throw new CommandFailure("cannot use " + origin + ": " + ErrorReporting.oneLine(e.getMessage()), e);
        }
        ProxySettings.apply(config, Optional.empty());
        return new Target(withTimeouts(config), origin);
    }

    /**
     * Which of the service's host and port (both needed, as for client-go and the Kubernetes client) is not set.
     *
     * @param host {@code KUBERNETES_SERVICE_HOST}, or {@code null}
     * @param port {@code KUBERNETES_SERVICE_PORT}, or {@code null}
     * @return what is missing, in words; empty when both are set
     */
    static Optional<String> serviceAddressMissing(String host, String port) {
        boolean noHost = host == null || host.isBlank();
        boolean noPort = port == null || port.isBlank();
        if (noHost && noPort) {
            return Optional.of("KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set");
        }
        if (noHost || noPort) {
            return Optional.of(
                    noHost
                            ? "KUBERNETES_SERVICE_PORT is set but KUBERNETES_SERVICE_HOST is not"
                            : "KUBERNETES_SERVICE_HOST is set but KUBERNETES_SERVICE_PORT is not");
        }
        return Optional.empty();
    }

    /** Short timeouts and retries; no namespace in the context means {@code default}, as for kubectl. */
    private static Config withTimeouts(Config config) {
        if (config.getNamespace() == null || config.getNamespace().isBlank()) {
            config.setNamespace("default");
        }
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setRequestRetryBackoffInterval(BACKOFF_MILLIS);
        return config;
    }

    /**
     * One line saying what went wrong with the cluster: unreachable (with the network error), or the API's answer,
     * naming where the connection came from.
     *
     * @param e the client's exception
     * @param target the configuration used
     * @return the line
     */
    static String describe(KubernetesClientException e, Target target) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String masterUrl = target.config().getMasterUrl();
        if (root instanceof IOException) {
            return "cannot reach the Kubernetes API at " + masterUrl + " (" + target.origin() + "): "
                    + root.getMessage() + " (" + root.getClass().getSimpleName() + ")";
        }
        return "Kubernetes API at " + masterUrl + " (" + target.origin() + ")"
                + (e.getCode() > 0 ? " answered HTTP " + e.getCode() : "") + ": "
                + ErrorReporting.oneLine(ApiErrors.message(e, REQUEST_TIMEOUT_MILLIS));
    }
}
