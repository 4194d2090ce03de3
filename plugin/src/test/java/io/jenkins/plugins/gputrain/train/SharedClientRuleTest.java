package io.jenkins.plugins.gputrain.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.LocalWorkspace;
import io.jenkins.plugins.gputrain.core.engine.k8s.MockDryRun;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingArguments;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jenkins runtime rule: the client of {@code KubernetesCloud.connect()} belongs to the kubernetes-plugin. It is shared
 * by every build and agent of the cloud and cached for minutes (kubernetes-plugin
 * src/main/java/org/csanchez/jenkins/plugins/kubernetes/KubernetesCloud.java {@code connect()} →
 * KubernetesClientProvider.java, a Caffeine cache with {@code expireAfterWrite}, commit a82d78a0), so closing it
 * breaks provisioning for the whole cloud. The freestyle step must use it and never close it, on every path.
 */
@EnableKubernetesMockClient(crud = true)
class SharedClientRuleTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path workspace;

    private final AtomicInteger closes = new AtomicInteger();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void answerDryRuns() {
        // The CRUD mock ignores dryRun=All and would keep the dry-run pod; the API server keeps none.
        MockDryRun.answer(server, "ml");
    }

    @Test
    void aFailedTrainingLeavesTheCloudsClientOpen() throws IOException {
        Files.writeString(workspace.resolve("dvc.yaml"), "stages: {}\n");
        client.nodes()
                .resource(new io.fabric8.kubernetes.api.model.NodeBuilder()
                        .withNewMetadata()
                        .withName("gpu-not-ready")
                        .addToLabels("gpu", "true")
                        .endMetadata()
                        .build())
                .create();

        assertThatThrownBy(() -> train(cloud(sharedClient())))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("no node can run pod");

        assertThat(closes).as("close() calls on the cloud's client").hasValue(0);
        assertThat(client.pods().inNamespace("ml").list().getItems())
                .as("the client still works")
                .isEmpty();
    }

    @Test
    void aCloudThatCannotConnectFailsTheBuildWithOneLine() {
        KubernetesCloud cloud = new KubernetesCloud("gpu") {
            @Override
            public KubernetesClient connect() throws KubernetesAuthException {
                throw new KubernetesAuthException("no token for service account ml/jenkins");
            }
        };

        assertThatThrownBy(() -> train(cloud))
                .isInstanceOf(AbortException.class)
                .hasMessage("[gpu-train] cannot connect to cloud 'gpu': no token for service account ml/jenkins");
    }

    /**
     * Review finding 2: a request the API server does not answer fails in fabric8 7.3.1 with a message-less
     * {@code TimeoutException} in a message-less {@code KubernetesClientException} ({@code
     * OperationSupport.waitForResult}); the build's line names the API server and the cloud client's request timeout
     * (the cloud's read timeout), with the CLI's words, not {@code null}.
     */
    @Test
    void aRequestWithoutAnswerNamesTheServerAndTheTimeout() {
        Config config = new ConfigBuilder()
                .withMasterUrl("https://10.0.0.1:6443/")
                .withRequestTimeout(15_000)
                .build();
        KubernetesClient timingOut = (KubernetesClient) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KubernetesClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration")) {
                        return config;
                    }
                    throw new KubernetesClientException(null, new ExecutionException(null, new TimeoutException()));
                });

        assertThatThrownBy(() -> train(cloud(timingOut)))
                .isInstanceOf(AbortException.class)
                .hasMessage("[gpu-train] cloud 'gpu': the Kubernetes API at https://10.0.0.1:6443/ failed: no answer"
                        + " within 15 s (the request timeout)");
    }

    /**
     * The same for real: an API server that accepts the connection and never answers, through the HTTP client the
     * plugin ships (okhttp, whose call timeout is an {@code InterruptedIOException("timeout")}); the line names the
     * server and the timeout.
     */
    @Test
    void aSilentApiServerNamesTheRequestAndTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                KubernetesClient timingOut = new KubernetesClientBuilder()
                        .withConfig(new ConfigBuilder()
                                .withMasterUrl("http://127.0.0.1:" + silent.getLocalPort())
                                .withNamespace("ml")
                                .withRequestTimeout(300)
                                .withRequestRetryBackoffLimit(0)
                                .build())
                        .build()) {
            assertThatThrownBy(() -> train(cloud(timingOut)))
                    .isInstanceOf(AbortException.class)
                    .hasMessageStartingWith("[gpu-train] cloud 'gpu': the Kubernetes API at http://127.0.0.1:"
                            + silent.getLocalPort() + "/ failed: An error has occurred: no answer within 300 ms (the"
                            + " request timeout)");
        }
    }

    private void train(KubernetesCloud cloud) throws IOException, InterruptedException {
        TrainingArguments arguments =
                TrainingArguments.of(Map.of("nodeSelector", "gpu=true", "namespace", "ml"), TrainingDefaults.BUILT_IN);
        new GpuTrainBuilder()
                .train(
                        cloud,
                        "gpu",
                        GpuTrainBuilder.podSpec(arguments, "job#1", null),
                        Optional.empty(),
                        new LocalWorkspace(workspace),
                        arguments,
                        new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private static KubernetesCloud cloud(KubernetesClient connection) {
        return new KubernetesCloud("gpu") {
            @Override
            public KubernetesClient connect() {
                return connection;
            }
        };
    }

    /** The mock server's client, as a shared one: every call goes through, {@code close()} is counted and refused. */
    private KubernetesClient sharedClient() {
        return (KubernetesClient) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KubernetesClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        closes.incrementAndGet();
                        throw new IllegalStateException("the cloud's shared client was closed");
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
