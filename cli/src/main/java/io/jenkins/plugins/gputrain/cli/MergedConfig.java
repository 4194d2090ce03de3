package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.util.function.Supplier;

/**
 * A client configuration merged from kubeconfig documents the Kubernetes client cannot find again by itself (a
 * {@code --kubeconfig} stream, a {@code KUBECONFIG} list with files of only comments), then the environment's
 * settings. The client's token refresh (an exec plugin's or OIDC token, on a 401 and once a minute) calls
 * {@link #refresh()}, which merges the documents again; the client's own would re-read only the current context's
 * file, or nothing for a stream.
 */
final class MergedConfig extends Config {
    private final String context;
    private final Supplier<io.fabric8.kubernetes.api.model.Config[]> documents;

    private MergedConfig(String context, Supplier<io.fabric8.kubernetes.api.model.Config[]> documents) {
        super(false);
        this.context = context;
        this.documents = documents;
    }

    /**
     * Merges the documents.
     *
     * @param context the context to use
     * @param documents the kubeconfig documents in precedence order, read again on each refresh
     * @return the configuration
     */
    static MergedConfig of(String context, Supplier<io.fabric8.kubernetes.api.model.Config[]> documents) {
        MergedConfig config = new MergedConfig(context, documents);
        KubeConfigUtils.merge(config, context, documents.get());
        Config.configFromSysPropsOrEnvVars(config);
        return config;
    }

    /** The documents merged again; this configuration when they cannot be, as the client's refresh does. */
    @Override
    public Config refresh() {
        if (getOauthToken() != null && !getOauthToken().isEmpty()) {
            return this;
        }
        try {
            return of(context, documents);
        } catch (RuntimeException e) {
            return this;
        }
    }
}
