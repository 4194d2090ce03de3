package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An exec whose exit status arrives but whose close never does. fabric8 7.3.1 tells no listener of a failure after
 * the exit status ({@code ExecWebSocketListener.onError}), and okhttp 4.12.0 waits 60 s for an unanswered close frame
 * before it cancels the socket, so the shell returns the exit code and the output after its grace period instead of
 * failing the copy. The client is the one gpu-train runs with, over okhttp.
 */
class PodShellTest {
    private static final Duration GRACE = Duration.ofMillis(300);

    @ParameterizedTest
    @EnumSource(
            value = RawExecServer.End.class,
            names = {"RESET", "SILENT"})
    void theExitCodeAndTheOutputCountWithoutTheClose(RawExecServer.End end) throws Exception {
        try (RawExecServer server = new RawExecServer("12345\n", end);
                KubernetesClient client = server.client()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PodShell shell = new PodShell(client.pods().inNamespace("test").withName("p"), GRACE);

            Integer code =
                    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> shell.run("wc -c < f", null, out, err));

            assertThat(code).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("12345\n");
            assertThat(err.size()).isZero();
            server.served().get(10, TimeUnit.SECONDS);
        }
    }
}
