package io.jenkins.plugins.gputrain.it;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The test control plane started by {@code .ci/k8s-testbed start} (kube-apiserver, kube-scheduler,
 * kube-controller-manager and etcd on loopback, nodes and pods simulated by kwok), named by the environment variable
 * {@value #KUBECONFIG_VARIABLE}. Under CI ({@code CI=true}) a missing test cluster fails the tests; elsewhere they
 * are skipped with one line saying how to start it.
 *
 * <p>Resolves a {@link Testbed} parameter: one client per test class, closed at its end.
 */
public final class Testbed implements ParameterResolver, AutoCloseable {
    /** The environment variable naming the test cluster's kubeconfig. */
    public static final String KUBECONFIG_VARIABLE = "GPU_TRAIN_TESTBED_KUBECONFIG";

    private static final String HOW = "start the test cluster with `.ci/k8s-testbed start` and export "
            + KUBECONFIG_VARIABLE + "=<the kubeconfig path it prints>";

    private Path kubeconfig;
    private KubernetesClient client;

    /** The kubeconfig of the test cluster. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A client of the test cluster, as the CLI builds it from the kubeconfig. */
    public KubernetesClient client() {
        return client;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Testbed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(Testbed.class))
                .getOrComputeIfAbsent(Testbed.class, key -> connect(), Testbed.class);
    }

    private static Testbed connect() {
        return connectIfRunning().orElseGet(() -> Assumptions.abort("no test cluster: " + HOW));
    }

    /**
     * Connects to the test cluster, for tests outside JUnit Jupiter's extension model (jqwik properties): empty when
     * it is not running outside CI (then the property should be skipped), a failure when it is not running under CI.
     */
    public static Optional<Testbed> connectIfRunning() {
        String path = System.getenv(KUBECONFIG_VARIABLE);
        if (path == null || path.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(KUBECONFIG_VARIABLE + " is not set under CI: " + HOW);
            }
            return Optional.empty();
        }
        return Optional.of(at(Path.of(path)));
    }

    /**
     * Connects to a test cluster by its kubeconfig, e.g. a {@link PrivateCluster}'s.
     *
     * @param kubeconfig the kubeconfig file
     * @return the test cluster
     */
    static Testbed at(Path kubeconfig) {
        Testbed testbed = new Testbed();
        testbed.kubeconfig = kubeconfig;
        try {
            Config config = Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
            testbed.client = new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test cluster's kubeconfig " + kubeconfig, e);
        }
        return testbed;
    }

    @Override
    public void close() {
        client.close();
    }
}
