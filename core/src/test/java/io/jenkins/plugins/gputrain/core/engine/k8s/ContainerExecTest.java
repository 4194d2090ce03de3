package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusMessage;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Exec over the API server's WebSocket, against the mock server's expectations. The streaming test ends its output
 * with a partial line, which must still arrive although the client reports the exit code before it has written it.
 * With fabric8 7.3.1 the mock server sometimes closes the socket before the last frames are read (about one run in
 * four when run after {@link PodRunnerTest}); the test then checks that the lost exit status reads as a failure.
 */
@EnableKubernetesMockClient
class ContainerExecTest {
    private static final String EXEC = "/api/v1/namespaces/test/pods/p/exec?command=sh&command=-c&command=train"
            + "&container=dvc&stdout=true&stderr=true";

    KubernetesMockServer server;
    KubernetesClient client;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void progress(String line) {
            lines.add("progress: " + line);
        }

        @Override
        public void output(String line) {
            lines.add(line);
        }

        @Override
        public void error(String line) {
            lines.add("stderr: " + line);
        }
    };

    @Test
    void streamsLinesAndReturnsTheExitCode() throws Exception {
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/test/pods/p")
                .andReturn(
                        200,
                        new PodBuilder()
                                .withNewMetadata()
                                .withName("p")
                                .withNamespace("test")
                                .endMetadata()
                                .withNewSpec()
                                .addNewContainer()
                                .withName("dvc")
                                .withImage("x")
                                .endContainer()
                                .endSpec()
                                .build())
                .always();
        server.expect()
                .withPath(EXEC)
                .andUpgradeToWebSocket()
                .open(new OutputStreamMessage("epoch 1\nepoch 2\n"), new OutputStreamMessage("done"), exitStatus(3))
                .waitFor(1000)
                .andEmit(new OutputStreamMessage(""))
                .done()
                .once();

        CommandResult result = new ContainerExec()
                .run(client.pods().inNamespace("test").withName("p"), List.of("sh", "-c", "train"), null, listener);

        assertThat(lines).startsWith("epoch 1", "epoch 2");
        assertThat(result.succeeded())
                .as("a lost status must never read as success")
                .isFalse();
        if (result.exitCode() == 3) {
            assertThat(lines).containsExactly("epoch 1", "epoch 2", "done");
        } else {
            assertThat(result).isEqualTo(new CommandResult(-1, false));
        }
    }

    private static StatusMessage exitStatus(int code) {
        return new StatusMessage(new StatusBuilder()
                .withStatus("Failure")
                .withReason("NonZeroExitCode")
                .withNewDetails()
                .addNewCause()
                .withReason("ExitCode")
                .withMessage(String.valueOf(code))
                .endCause()
                .endDetails()
                .build());
    }

    @Test
    void unreachableExecIsAPodFailure() {
        assertThatThrownBy(() -> new ContainerExec()
                        .run(
                                client.pods().inNamespace("test").withName("p"),
                                List.of("sh", "-c", "train"),
                                null,
                                listener))
                .isInstanceOf(PodFailureException.class)
                .hasMessageStartingWith("cannot run the command in the pod: ");
    }
}
