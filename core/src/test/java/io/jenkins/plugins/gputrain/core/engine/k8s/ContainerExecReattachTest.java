package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The command's output followed over execs that break without an HTTP answer (the connection ended mid-output, as an
 * API server restart ends it), over the okhttp client gpu-train runs with, against a server that keeps the command's
 * whole output and serves each follow from the offset it asks for: the engine attaches again from the last byte it
 * received, so the output is complete and nothing repeats, and the exit code is the command's. Whether the bytes
 * written before a break reach the client varies (fabric8 may drop frames it has not delivered when the connection
 * fails), so the offsets asked for are only known to grow from 0. Follows that break
 * without data, in a row, are bounded; a start that fails is a failure to run the command.
 */
class ContainerExecReattachTest {
    private static final String OUTPUT = "epoch 1\nepoch 2\ndone\n";

    private final List<Long> offsets = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Test
    void aFollowBrokenMidOutputIsAttachedAgainFromTheLastByteReceived() throws Exception {
        RecordedProgress listener = new RecordedProgress();
        try (RawExecServer server = new RawExecServer(command -> reply(command, 2));
                KubernetesClient client = server.client()) {
            CommandResult result = exec().run(pod(client), Optional::empty, List.of("train"), null, listener);

            assertThat(result).isEqualTo(new CommandResult(3, false));
        }

        assertThat(listener.output).containsExactly("epoch 1", "epoch 2", "done");
        assertThat(offsets).hasSize(3).startsWith(0L).isSorted().isSubsetOf(0L, 10L, 18L);
        assertThat(listener.progress)
                .filteredOn(line -> line.startsWith("exec stream broken, re-attaching"))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line)
                        .matches("exec stream broken, re-attaching to the command's output from byte (10|18|0)"
                                + " in \\S+ \\(.+\\)"));
        assertThat(waits).hasSize(2).first().isEqualTo(ContainerExec.BACKOFF);
    }

    @Test
    void aFollowAnsweredWith503Or429IsAttachedAgainButNotOneAnswered403() throws Exception {
        List<Integer> refusals = new CopyOnWriteArrayList<>(List.of(503, 429));
        RecordedProgress listener = new RecordedProgress();
        try (RawExecServer server = new RawExecServer(command -> !isFollow(command)
                        ? new RawExecServer.Reply("", 0)
                        : refusals.isEmpty()
                                ? new RawExecServer.Reply(OUTPUT, 3)
                                : RawExecServer.Reply.refused(refusals.remove(0)));
                KubernetesClient client = server.client()) {
            CommandResult result = exec().run(pod(client), Optional::empty, List.of("train"), null, listener);

            assertThat(result).isEqualTo(new CommandResult(3, false));
        }

        assertThat(listener.output).containsExactly("epoch 1", "epoch 2", "done");
        assertThat(listener.progress)
                .filteredOn(line -> line.startsWith("exec stream broken"))
                .containsExactly(
                        "exec stream broken, re-attaching to the command's output from byte 0 in 1s (the API server"
                                + " refused the exec (HTTP 503))",
                        "exec stream broken, re-attaching to the command's output from byte 0 in 2s (the API server"
                                + " refused the exec (HTTP 429))");
    }

    @Test
    void aFollowAnswered403FailsTheRun() throws Exception {
        RecordedProgress listener = new RecordedProgress();
        try (RawExecServer server = new RawExecServer(command ->
                        isFollow(command) ? RawExecServer.Reply.refused(403) : new RawExecServer.Reply("", 0));
                KubernetesClient client = server.client()) {
            assertThatThrownBy(() -> exec().run(pod(client), Optional::empty, List.of("train"), null, listener))
                    .isInstanceOfSatisfying(
                            PodFailureException.class,
                            e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.FAILED))
                    .hasMessage("cannot run the command in the pod: the API server refused the exec (HTTP 403): the"
                            + " credentials may not create pods/exec in the pod's namespace (RBAC)");
        }

        assertThat(waits).isEmpty();
    }

    @Test
    void followsBreakingWithoutDataAreBoundedInTime() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-03T20:00:00Z"));
        RecordedProgress listener = new RecordedProgress();
        try (RawExecServer server = new RawExecServer(command ->
                        isFollow(command) ? RawExecServer.Reply.broken("") : new RawExecServer.Reply("", 0));
                KubernetesClient client = server.client()) {
            ContainerExec exec = new ContainerExec(
                    wait -> {
                        waits.add(wait);
                        clock.advance(wait);
                    },
                    clock,
                    () -> "id");
            assertThatThrownBy(() -> exec.run(pod(client), Optional::empty, List.of("train"), null, listener))
                    .isInstanceOfSatisfying(PodFailureException.class, e -> {
                        assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.EXEC_BROKEN);
                        assertThat(e).hasMessageContaining(", its output followed again for 5m without data)");
                    });
        }

        Duration waited = waits.stream().reduce(Duration.ZERO, Duration::plus);
        Duration last = waits.get(waits.size() - 1);
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(ContainerExec.MAX_BACKOFF));
        assertThat(last).isEqualTo(ContainerExec.MAX_BACKOFF);
        assertThat(waited).isGreaterThanOrEqualTo(ContainerExec.REATTACH_BUDGET);
        assertThat(waited.minus(last)).isLessThan(ContainerExec.REATTACH_BUDGET);
    }

    @Test
    void aStartThatFailsIsAFailureToRunTheCommand() throws Exception {
        RecordedProgress listener = new RecordedProgress();
        try (RawExecServer server = new RawExecServer(command -> new RawExecServer.Reply("", 1));
                KubernetesClient client = server.client()) {
            assertThatThrownBy(() -> exec().run(pod(client), Optional::empty, List.of("train"), null, listener))
                    .isInstanceOfSatisfying(
                            PodFailureException.class,
                            e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.FAILED))
                    .hasMessage("cannot run the command in the pod: creating .gpu-train-exec/id in its working"
                            + " directory failed with exit code 1 (the lines above say why)");
        }
    }

    /** The start succeeds; the first {@code breaks} follows write 10 bytes, or 8, from their offset and break. */
    private RawExecServer.Reply reply(List<String> command, int breaks) {
        if (!isFollow(command)) {
            return new RawExecServer.Reply("", 0);
        }
        int at = command.indexOf(DetachedCommand.FOLLOW_NAME);
        long offset = Long.parseLong(command.get(at + 2));
        offsets.add(offset);
        String rest = OUTPUT.substring((int) offset);
        if (offsets.size() <= breaks) {
            return RawExecServer.Reply.broken(rest.substring(0, Math.min(offset == 0 ? 10 : 8, rest.length())));
        }
        return new RawExecServer.Reply(rest, 3);
    }

    private static boolean isFollow(List<String> command) {
        return command.contains(DetachedCommand.FOLLOW_NAME);
    }

    private ContainerExec exec() {
        return new ContainerExec(waits::add, Clock.systemUTC(), () -> "id");
    }

    private static io.fabric8.kubernetes.client.dsl.PodResource pod(KubernetesClient client) {
        return client.pods().inNamespace("test").withName("p");
    }
}
