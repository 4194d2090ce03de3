package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig whose current context points at fabric8's mock API server, namespace {@code ml}. */
final class MockKubeconfig {
    private MockKubeconfig() {}

    static Path write(Path directory, KubernetesMockServer server) throws IOException {
        Path kubeconfig = directory.resolve("kubeconfig.yaml");
        Files.writeString(
                kubeconfig,
                """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    namespace: ml
                current-context: mock
                """
                        .formatted(server.url("/")));
        return kubeconfig;
    }
}
