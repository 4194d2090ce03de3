package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The command's result when the follow's exit status is missing or may not be the command's, over the okhttp client
 * gpu-train runs with: kwok v0.8.0's status for a non-zero exit (no code in it), a stream closed without a status, the
 * follow's own codes for a command never started or a shell gone. The command's state exec then decides: its exit
 * code, a follow again while it runs or its output has not all come, one line when its shell was killed. Once the
 * result is in, the command's directory is removed, and a removal that fails is one progress line. Once the pod's
 * watch shows the container stopped, no exec is run: neither a state, a re-attach nor a removal (the mock server answers
 * whatever comes; what the kubelet answers, HTTP 500, is its stand-in). A shell that has not written its PID is
 * followed again after a pause, and given up after a minute of the injected clock. A test whose guard is broken may
 * hang on an exec the server never answers, so each has a time limit.
 */
@Timeout(60)
class ContainerExecStateTest {
    private static final String DIRECTORY = DetachedCommand.directory("id");

    private final List<List<String>> execs = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final RecordedProgress listener = new RecordedProgress();
    private final MovableClock clock = new MovableClock(Instant.EPOCH);
    private final AtomicReference<StoppedContainer> stopped = new AtomicReference<>();

    @Test
    void kwoksStatusForANonZeroExitTakesTheCodeTheCommandWrote() throws Exception {
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW -> RawExecServer.Reply.kwokNonZero("done\n");
            case STATE -> new RawExecServer.Reply("ended 3 5\n", 0);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(3, false));
        assertThat(listener.output).containsExactly("done");
        assertThat(listener.progress).isEmpty();
        assertThat(execs)
                .extracting(ContainerExecStateTest::kind)
                .containsExactly(Exec.START, Exec.FOLLOW, Exec.STATE, Exec.CLEAN);
        assertThat(execs.get(3)).isEqualTo(DetachedCommand.clean(DIRECTORY));
    }

    @Test
    void aFollowClosedWithoutAStatusWhileTheCommandRunsIsAttachedAgain() throws Exception {
        List<String> states = new ArrayList<>(List.of("running 8\n"));
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW ->
                offset(command) == 0
                        ? RawExecServer.Reply.withoutStatus("epoch 1\n")
                        : new RawExecServer.Reply("done\n", 0);
            case STATE -> new RawExecServer.Reply(states.remove(0), 0);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(0, false));
        assertThat(listener.output).containsExactly("epoch 1", "done");
        assertThat(listener.progress)
                .containsExactly("exec stream broken, re-attaching to the command's output from byte 8 in 1s (the"
                        + " follow ended with no exit status while the command runs)");
    }

    @Test
    void anEndedCommandWhoseOutputHasNotAllComeIsFollowedToItsEnd() throws Exception {
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW ->
                offset(command) == 0
                        ? RawExecServer.Reply.withoutStatus("epoch 1\n")
                        : RawExecServer.Reply.kwokNonZero("done\n");
            case STATE -> new RawExecServer.Reply("ended 4 13\n", 0);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(4, false));
        assertThat(listener.output).containsExactly("epoch 1", "done");
        assertThat(listener.progress)
                .singleElement()
                .asString()
                .endsWith("(the follow ended with no exit status at byte 8 of the command's 13)");
    }

    @Test
    void aShellKilledWithoutWritingTheExitCodeIsOneLineAndNoExitStatus() throws Exception {
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW -> new RawExecServer.Reply("epoch 1\n", DetachedCommand.SHELL_GONE);
            case STATE -> new RawExecServer.Reply("gone 8\n", 0);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(-1, false));
        assertThat(PodOutcome.abnormal(result))
                .as("the pod is read, as for any abnormal end")
                .isTrue();
        assertThat(listener.progress)
                .containsExactly("the command's shell in the pod ended without writing its exit code to " + DIRECTORY
                        + "/exit (killed, e.g. by SIGKILL or the out-of-memory killer)");
    }

    @Test
    void aCommandThatExitedWithTheFollowsOwnCodeKeepsIt() throws Exception {
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW -> new RawExecServer.Reply("", DetachedCommand.NEVER_STARTED);
            case STATE -> new RawExecServer.Reply("ended " + DetachedCommand.NEVER_STARTED + " 0\n", 0);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(DetachedCommand.NEVER_STARTED, false));
        assertThat(listener.progress).isEmpty();
    }

    @Test
    void aCommandNeverStartedIsReportedSo() throws Exception {
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW -> RawExecServer.Reply.kwokNonZero("");
            case STATE -> new RawExecServer.Reply("missing\n", 0);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(DetachedCommand.NEVER_STARTED, false));
    }

    @Test
    void aStateThatCannotBeReadLeavesTheExitCodeUnknownInOneLine() throws Exception {
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW -> RawExecServer.Reply.kwokNonZero("");
            case STATE -> new RawExecServer.Reply("sh: stat: not found\n", 0);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(-1, false));
        assertThat(listener.progress)
                .containsExactly("the command's exit code is unknown: the follow of its output ended with exit status"
                        + " -1, and reading its state in " + DIRECTORY + " printed 'sh: stat: not found', not "
                        + CommandState.EXPECTED);
    }

    @Test
    void aRemovalThatFailsIsOneProgressLineAndTheResultStands() throws Exception {
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW -> new RawExecServer.Reply("done\n", 2);
            case CLEAN -> new RawExecServer.Reply("", 1);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(2, false));
        assertThat(listener.progress)
                .containsExactly("could not remove " + DIRECTORY + " from the pod's working directory (exit code 1);"
                        + " it goes with the pod");
    }

    private CommandResult run(Function<List<String>, RawExecServer.Reply> replies) throws Exception {
        try (RawExecServer server = new RawExecServer(command -> {
                    execs.add(command);
                    return replies.apply(command);
                });
                KubernetesClient client = server.client()) {
            PodResource pod = client.pods().inNamespace("test").withName("p");
            return new ContainerExec(
                            wait -> {
                                waits.add(wait);
                                clock.advance(wait);
                            },
                            clock,
                            () -> "id")
                    .run(pod, () -> Optional.ofNullable(stopped.get()), List.of("train"), null, listener);
        }
    }

    @Test
    void anAbnormalEndInARunningContainerStillRemovesTheDirectory() throws Exception {
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW -> new RawExecServer.Reply("", 137);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(137, false));
        assertThat(execs).extracting(ContainerExecStateTest::kind).containsExactly(Exec.START, Exec.FOLLOW, Exec.CLEAN);
    }

    @Test
    void aContainerSeenTerminatedWhenTheFollowEndsIsNeitherReadNorCleanedByExec() throws Exception {
        StoppedContainer oom = new StoppedContainer("container dvc terminated (OOMKilled, exit code 137)");
        CommandResult result = run(command -> {
            if (kind(command) == Exec.FOLLOW) {
                // the watch delivers the terminated container as the follow's stream ends
                stopped.set(oom);
                return RawExecServer.Reply.withoutStatus("epoch 1\n");
            }
            return new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(-1, false));
        assertThat(PodOutcome.abnormal(result)).as("the pod's status is read").isTrue();
        assertThat(listener.output).containsExactly("epoch 1");
        assertThat(listener.progress)
                .containsExactly("the pod's watch shows container dvc terminated (OOMKilled, exit code 137): the"
                        + " command's output is not followed further and its state is not read (no exec can run in a"
                        + " stopped container); its outcome is read from the pod's status");
        assertThat(execs)
                .as("no state, re-attach or clean exec after the stop")
                .extracting(ContainerExecStateTest::kind)
                .containsExactly(Exec.START, Exec.FOLLOW);
    }

    @Test
    void aStateExecRefusedWith500IsNotRetriedOnceTheWatchShowsTheContainerStopped() throws Exception {
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW -> RawExecServer.Reply.withoutStatus("");
            case STATE -> {
                // what the kubelet answers once the container stopped; the watch shows it a moment later
                stopped.set(new StoppedContainer("pod phase Failed"));
                yield RawExecServer.Reply.refused(500);
            }
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(-1, false));
        assertThat(listener.progress).singleElement().asString().startsWith("the pod's watch shows pod phase Failed:");
        assertThat(waits).as("no re-attach waited for").isEmpty();
        // okhttp may send the refused state exec once more by itself (its retry on a connection closed early)
        assertThat(execs)
                .extracting(ContainerExecStateTest::kind)
                .containsSubsequence(Exec.START, Exec.FOLLOW, Exec.STATE)
                .containsOnlyOnce(Exec.FOLLOW)
                .doesNotContain(Exec.CLEAN);
    }

    @Test
    void aSuccessInAPodBeingDeletedKeepsItsCodeAndLeavesTheDirectoryToThePod() throws Exception {
        CommandResult result = run(command -> {
            if (kind(command) == Exec.FOLLOW) {
                stopped.set(new StoppedContainer("the pod being deleted"));
                return new RawExecServer.Reply("saved\n", 0);
            }
            return new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(0, false));
        assertThat(listener.progress).isEmpty();
        assertThat(execs).extracting(ContainerExecStateTest::kind).containsExactly(Exec.START, Exec.FOLLOW);
    }

    @Test
    void aShellThatNeverWritesItsPidIsGivenUpAfterAMinuteInOneLine() throws Exception {
        List<Long> pidWaits = new CopyOnWriteArrayList<>();
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW -> {
                pidWaits.add(Long.parseLong(command.get(command.indexOf(DetachedCommand.FOLLOW_NAME) + 4)));
                // each follow ends after half a minute (its stream cut short, or the seconds it was given)
                clock.advance(Duration.ofSeconds(30));
                yield RawExecServer.Reply.kwokNonZero("");
            }
            case STATE -> new RawExecServer.Reply("starting 0\n", 0);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(-1, false));
        assertThat(pidWaits).as("the minute, then what is left of it").containsExactly(60L, 29L);
        assertThat(waits)
                .as("one pause between the follows, no re-attach back-off")
                .containsExactly(Duration.ofSeconds(1));
        assertThat(listener.progress)
                .containsExactly("the command's exit code is unknown: its shell in the pod wrote no PID to " + DIRECTORY
                        + "/pid within 1m of its start (expected the PID of the shell that runs the command, written"
                        + " before it runs it)");
    }

    @Test
    void aShellThatWritesItsPidLateIsFollowedWithoutALine() throws Exception {
        List<String> states = new ArrayList<>(List.of("starting 0\n"));
        CommandResult result = run(command -> switch (kind(command)) {
            case FOLLOW ->
                states.isEmpty() ? new RawExecServer.Reply("done\n", 0) : RawExecServer.Reply.kwokNonZero("");
            case STATE -> new RawExecServer.Reply(states.remove(0), 0);
            default -> new RawExecServer.Reply("", 0);
        });

        assertThat(result).isEqualTo(new CommandResult(0, false));
        assertThat(listener.output).containsExactly("done");
        assertThat(listener.progress).isEmpty();
    }

    private enum Exec {
        START,
        FOLLOW,
        STATE,
        CLEAN
    }

    private static Exec kind(List<String> command) {
        if (command.contains(DetachedCommand.FOLLOW_NAME)) {
            return Exec.FOLLOW;
        }
        if (command.contains(DetachedCommand.STATE_NAME)) {
            return Exec.STATE;
        }
        return command.equals(DetachedCommand.clean(DIRECTORY)) ? Exec.CLEAN : Exec.START;
    }

    private static long offset(List<String> command) {
        return Long.parseLong(command.get(command.indexOf(DetachedCommand.FOLLOW_NAME) + 2));
    }
}
