package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.Utils;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxy as client-go chooses it, set on the Kubernetes client's configuration: a cluster's {@code proxy-url}
 * for either scheme, the environment ignored then (the client keeps an {@code http://} proxy-url for http servers
 * only and lets {@code HTTPS_PROXY} win); otherwise the environment's, with {@code NO_PROXY} entries trimmed,
 * {@code *.domain} as {@code .domain} and {@code *} meaning no proxy at all (the client fails on all three when a
 * proxy is set).
 */
final class ProxySettings {
    /** What the client accepts in a {@code NO_PROXY} entry (its {@code HttpClientUtils} refuses anything else). */
    private static final Pattern HOST = Pattern.compile("[\\da-zA-Z.\\-/:]+");

    private ProxySettings() {}

    /**
     * Sets the proxy.
     *
     * @param config the client's configuration, after the kubeconfig and environment applied
     * @param proxyUrl the cluster's {@code proxy-url}
     * @throws CommandFailure naming {@code NO_PROXY} and the entry the client cannot use (only when a proxy is set:
     *     the client reads {@code NO_PROXY} only then)
     */
    static void apply(Config config, Optional<String> proxyUrl) throws CommandFailure {
        if (proxyUrl.isPresent()) {
            config.setHttpProxy(proxyUrl.get());
            config.setHttpsProxy(proxyUrl.get());
            config.setNoProxy(null);
            return;
        }
        String noProxy = Utils.getSystemPropertyOrEnvVar(Config.KUBERNETES_NO_PROXY);
        if (noProxy == null) {
            return;
        }
        List<String> entries = Arrays.stream(noProxy.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> entry.startsWith("*.") ? entry.substring(1) : entry)
                .toList();
        if (entries.contains("*")) {
            config.setHttpProxy(null);
            config.setHttpsProxy(null);
            config.setNoProxy(null);
            return;
        }
        // the client reads NO_PROXY only when the proxy for the server's scheme is set (HttpClientUtils v7.3.1)
        String masterUrl = String.valueOf(config.getMasterUrl());
        boolean proxied =
                masterUrl.startsWith("http://") ? config.getHttpProxy() != null : config.getHttpsProxy() != null;
        for (String entry : entries) {
            if (proxied && !HOST.matcher(entry).matches()) {
                throw new CommandFailure(Utils.convertSystemPropertyNameToEnvVar(Config.KUBERNETES_NO_PROXY)
                        + " entry '" + ErrorReporting.oneLine(entry) + "' is not a host, domain, IP address or CIDR"
                        + " range (expected entries separated by commas, or *)");
            }
        }
        config.setNoProxy(entries.toArray(String[]::new));
    }
}
