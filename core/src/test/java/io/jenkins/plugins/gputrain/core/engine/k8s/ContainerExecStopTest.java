package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gputrain.core.pod.ContainerInit;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The exec after a command that looks for the marker PID 1's TERM trap leaves ({@link ContainerInit#STOPPED_MARKER}),
 * over the okhttp client gpu-train runs with: its answer, and an exec that fails or answers otherwise taken for the
 * container having stopped.
 */
class ContainerExecStopTest {
    private final List<List<String>> execs = new CopyOnWriteArrayList<>();

    @Test
    void aContainerWhoseInitWasNotToldToStopIsNoStop() throws Exception {
        assertThat(stopSeen(new RawExecServer.Reply("running\n", 0))).isEmpty();
        assertThat(execs).containsExactly(ContainerExec.STOP_CHECK);
        assertThat(ContainerExec.STOP_CHECK).endsWith(ContainerInit.STOPPED_MARKER);
    }

    @Test
    void theTrapsMarkerIsTheStop() throws Exception {
        assertThat(stopSeen(new RawExecServer.Reply("stopped\n", 0)))
                .contains("its TERM trap left /workspace/.gpu-train-terminated");
    }

    @Test
    void anExecRefusedAfterTheCommandIsTakenForTheStop() throws Exception {
        assertThat(stopSeen(RawExecServer.Reply.refused(404))).hasValueSatisfying(seen -> assertThat(seen)
                .startsWith("the exec that looks for its TERM trap's marker failed (cannot run the command in"
                        + " the pod: ")
                .endsWith("), taken for the container having stopped"));
    }

    @Test
    void anExecBrokenAfterTheCommandIsTakenForTheStop() throws Exception {
        assertThat(stopSeen(RawExecServer.Reply.broken(""))).hasValueSatisfying(seen -> assertThat(seen)
                .startsWith("the exec that looks for its TERM trap's marker failed (")
                .endsWith("), taken for the container having stopped"));
    }

    @Test
    void anotherAnswerIsTakenForTheStop() throws Exception {
        assertThat(stopSeen(RawExecServer.Reply.kwokNonZero("")))
                .contains("the exec that looks for its TERM trap's marker failed (it printed '' with exit code -1,"
                        + " not 'stopped' or 'running'), taken for the container having stopped");
    }

    private Optional<String> stopSeen(RawExecServer.Reply reply) throws Exception {
        try (RawExecServer server = new RawExecServer(command -> {
                    execs.add(command);
                    return reply;
                });
                KubernetesClient client = server.client()) {
            return new ContainerExec(pause -> {}, Clock.systemUTC(), () -> "id")
                    .stopSeen(client.pods().inNamespace("test").withName("p"));
        }
    }
}
