package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command's exec stream broken before its exit status (the connection reset while the command ran, as an API
 * server restart or a load balancer does), over the okhttp client gpu-train runs with: a retryable failure, since the
 * container runtime may have stopped the command with its stream; not the refusal of an exec that never started. What
 * the server wrote before the reset may or may not reach the client (a reset drops what the client has not read yet:
 * the clean-clone CI of 28f2f54 saw none of it), so the output is not asserted.
 */
class ContainerExecBrokenTest {
    @Test
    void aStreamBrokenBeforeTheExitStatusIsARetryableFailureNamingTheBreak() throws Exception {
        RecordedProgress listener = new RecordedProgress();
        try (RawExecServer server = new RawExecServer("epoch 1\n", RawExecServer.End.BROKEN);
                KubernetesClient client = server.client()) {
            assertThatThrownBy(() -> new ContainerExec()
                            .run(
                                    client.pods().inNamespace("test").withName("p"),
                                    Optional::empty,
                                    List.of("train"),
                                    null,
                                    listener))
                    .isInstanceOfSatisfying(PodFailureException.class, e -> {
                        assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.EXEC_BROKEN);
                        assertThat(e.failure().kind().retryable()).isTrue();
                        assertThat(e)
                                .hasMessageStartingWith(
                                        "the command's exec connection broke before its exit status" + " came (")
                                .hasMessageEndingWith("); the container runtime may have stopped the command with it")
                                .hasMessageNotContaining("\n");
                    });
            server.served().get(10, TimeUnit.SECONDS);
        }
    }
}
