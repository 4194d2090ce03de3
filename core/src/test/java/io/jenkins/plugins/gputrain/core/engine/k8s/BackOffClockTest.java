package io.jenkins.plugins.gputrain.core.engine.k8s;

import static io.jenkins.plugins.gputrain.core.engine.k8s.ContainerStatuses.crashLoop;
import static io.jenkins.plugins.gputrain.core.engine.k8s.ContainerStatuses.running;
import static io.jenkins.plugins.gputrain.core.engine.k8s.ContainerStatuses.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crash loop followed across the states the kubelet writes between its back-offs, from fixtures of pod statuses
 * in the kubelet's own strings ({@code crash-loop.yaml}, {@code crash-loop-reset.yaml}), each annotated with when it
 * is read and how long the loop has lasted then, and from statuses built as the kubelet writes them.
 */
class BackOffClockTest {
    private static final String READ_AT = "gpu-train.test/read-at";
    private static final String EXPECTED = "gpu-train.test/expected-lasted";

    /**
     * Running, terminated (Error) and CrashLoopBackOff again, the restart count growing: one loop, lasting from the
     * first CrashLoopBackOff, less the runs since, so that it outlasts the allowance (the eighth back-off is read
     * after 616 s of waits and 6 s of runs).
     */
    @Test
    void aCrashLoopLastsAcrossTheRestartsBetweenItsBackOffs() throws IOException {
        List<Pod> statuses = fixture("crash-loop.yaml");

        List<String> lasted = lasted(new BackOffClock(), statuses);

        assertThat(lasted).containsExactlyElementsOf(expected(statuses));
        assertThat(lasted).contains("616s");
        assertThat(Duration.ofSeconds(616)).isGreaterThan(KubeletBackOff.allowance(PodFailure.Kind.CRASH_LOOP));
    }

    /** A run longer than 600 s, so a restart more than 600 s after the one before, resets the kubelet's back-off. */
    @Test
    void aRunLongerThanTheKubeletsResetStartsTheLoopAfresh() throws IOException {
        List<Pod> statuses = fixture("crash-loop-reset.yaml");

        assertThat(lasted(new BackOffClock(), statuses)).containsExactlyElementsOf(expected(statuses));
    }

    /** An init container that completes (exit code 0) has left its loop; a sidecar's exit 0 is restarted. */
    @Test
    void aCompletedInitContainerEndsTheLoopASidecarsDoesNot() throws IOException {
        List<Pod> statuses = fixture("crash-loop.yaml");
        Pod firstBackOff = statuses.get(4);
        Pod secondBackOff = statuses.get(7);
        Pod completed = completed(statuses.get(6));
        BackOffClock clock = new BackOffClock();
        BackOffClock sidecarClock = new BackOffClock();

        List<String> seen = lasted(clock, List.of(firstBackOff, completed, secondBackOff));
        List<String> sidecar =
                lasted(sidecarClock, List.of(sidecar(firstBackOff), sidecar(completed), sidecar(secondBackOff)));

        assertThat(seen).containsExactly("0s", "none", "0s");
        assertThat(sidecar).containsExactly("0s", "none", "11s");
    }

    /**
     * Issue 14 review 3: only the kubelet's waits count, not the runs between them. A container that runs 5 min
     * before each crash has lasted at each back-off what one that crashes at once has (10, 20, 40, 80 and 160 s of
     * waits), and is not given up before its back-off reaches the 300 s maximum; counted with its runs, the loop
     * would outlast the 8m40s allowance at its second back-off.
     */
    @Test
    void theContainersRunsDoNotCountTowardsItsLoop() {
        List<String> fiveMinutes = atBackOffs(new BackOffClock(), kubelet(Duration.ofMinutes(5), 7));
        List<String> atOnce = atBackOffs(new BackOffClock(), kubelet(Duration.ZERO, 7));

        assertThat(fiveMinutes).containsExactly("0s", "10s", "30s", "70s", "150s", "310s");
        assertThat(fiveMinutes).isEqualTo(atOnce);
        assertThat(Duration.ofSeconds(310)).isLessThan(KubeletBackOff.allowance(PodFailure.Kind.CRASH_LOOP));
    }

    /**
     * Issue 14 review 2: restarts more than 600 s apart start the kubelet's back-off afresh even when no run lasted
     * that long ({@code Backoff.GC} drops the entry 600 s after its last step): runs of 400 s, the sixth back-off
     * (300 s) cut short 200 s in by the kubelet, the seventh run restarted 602 s after the sixth began; the back-off
     * after it is a new loop.
     */
    @Test
    void restartsMoreThanTheResetApartStartTheLoopAfresh() {
        List<Pod> statuses = kubelet(Duration.ofSeconds(400), 7);
        Instant sixth = start(statuses.get(statuses.size() - 1));
        Instant seventh = sixth.plus(CrashLoop.RESET).plusSeconds(2);
        Instant ended = seventh.plusSeconds(400);
        List<Pod> after = List.of(
                at(seventh, worker(7, ContainerStatuses.running(seventh), exited(sixth, Duration.ofSeconds(400)))),
                at(
                        ended,
                        worker(
                                7,
                                ContainerStatuses.crashLoop("worker", "10s"),
                                exited(seventh, Duration.ofSeconds(400)))));
        BackOffClock clock = new BackOffClock();

        List<String> lasted = lasted(clock, statuses);
        List<String> afresh = lasted(clock, after);

        assertThat(lasted.get(lasted.size() - 1)).isEqualTo("310s");
        assertThat(afresh).containsExactly("none", "0s");
    }

    /**
     * Issue 14 review (14c) 6: a restart count that grew by two between reads spans two runs, so the 730 s between
     * the starts seen is no reset: runs of 350 s, each restart 360 s or 370 s after the one before, read only at the
     * first and the third back-off, keep one loop (730 s since the first back-off less the 350 s run seen).
     */
    @Test
    void startsSeveralRestartsApartAreNoReset() {
        List<Pod> statuses = kubelet(Duration.ofSeconds(350), 4);
        BackOffClock clock = new BackOffClock();

        List<String> lasted = lasted(clock, List.of(statuses.get(2), statuses.get(6)));

        assertThat(Duration.between(start(statuses.get(2)), start(statuses.get(6))))
                .isGreaterThan(CrashLoop.RESET);
        assertThat(lasted).containsExactly("0s", "380s");
    }

    /**
     * Issue 14 review 5: each container backs off on its own, as the kubelet keys its back-off by container. Two
     * containers crash-looping in turn each keep their loop: the one named lasts from its own first back-off, less
     * its own runs.
     */
    @Test
    void eachContainerHasItsOwnLoop() {
        Instant t0 = Instant.parse("2026-11-27T00:00:00Z");
        ContainerState aFailed = exited(t0.minusSeconds(1), Duration.ofSeconds(1));
        ContainerState bFailed = exited(t0.minusSeconds(100), Duration.ofSeconds(105));
        ContainerState aFailedAgain = exited(t0.plusSeconds(10), Duration.ofSeconds(1));
        List<Pod> statuses = List.of(
                at(
                        t0,
                        two(
                                status("a", 1, crashLoop("a", "10s"), aFailed),
                                status("b", 0, running(t0.minusSeconds(100)), null))),
                at(
                        t0.plusSeconds(5),
                        two(
                                status("a", 1, crashLoop("a", "10s"), aFailed),
                                status("b", 1, crashLoop("b", "10s"), bFailed))),
                at(
                        t0.plusSeconds(10),
                        two(
                                status("a", 2, running(t0.plusSeconds(10)), aFailed),
                                status("b", 1, crashLoop("b", "10s"), bFailed))),
                at(
                        t0.plusSeconds(11),
                        two(status("a", 2, aFailedAgain, aFailed), status("b", 1, crashLoop("b", "10s"), bFailed))),
                at(
                        t0.plusSeconds(12),
                        two(
                                status("a", 2, crashLoop("a", "20s"), aFailedAgain),
                                status("b", 1, crashLoop("b", "10s"), bFailed))));

        assertThat(lasted(new BackOffClock(), statuses)).containsExactly("0s", "5s", "5s", "6s", "11s");
    }

    /**
     * Issue 14 review 6: a container the kubelet restarts after exit code 0 ({@code restartPolicy: Always}, or a
     * restart rule matching 0, which the API server admits only beside the container's own {@code restartPolicy})
     * goes through the same back-off, and its loop goes on; under {@code OnFailure} the
     * container has completed and its loop ends.
     */
    @ParameterizedTest
    @CsvSource({"Always, , 11s", "OnFailure, , 0s", "Never, 0, 11s", "Never, 1, 0s"})
    void aRestartAfterExitCodeZeroIsPartOfTheLoopWhenTheKubeletRestartsIt(
            String restartPolicy, Integer restartedOn, String lastBackOff) {
        Instant t0 = Instant.parse("2026-11-27T00:00:00Z");
        ContainerState completed = ContainerStatuses.exited(0, t0.minusSeconds(1), t0);
        ContainerState completedAgain = ContainerStatuses.exited(0, t0.plusSeconds(10), t0.plusSeconds(11));
        List<Pod> statuses = List.of(
                at(t0, worker(1, crashLoop("worker", "10s"), completed)),
                at(t0.plusSeconds(10), worker(2, running(t0.plusSeconds(10)), completed)),
                at(t0.plusSeconds(11), worker(2, completedAgain, completed)),
                at(t0.plusSeconds(12), worker(2, crashLoop("worker", "20s"), completedAgain)));
        statuses.forEach(pod -> pod.getSpec().setRestartPolicy(restartPolicy));
        if (restartedOn != null) {
            statuses.forEach(pod -> pod.getSpec().getContainers().get(0).setRestartPolicy(restartPolicy));
            statuses.forEach(pod -> pod.getSpec()
                    .getContainers()
                    .get(0)
                    .setAdditionalProperty(
                            "restartPolicyRules",
                            List.of(Map.of(
                                    "action",
                                    "Restart",
                                    "exitCodes",
                                    Map.of("operator", "In", "values", List.of(restartedOn))))));
        }

        assertThat(lasted(new BackOffClock(), statuses)).containsExactly("0s", "none", "none", lastBackOff);
    }

    /**
     * The statuses the kubelet writes for container worker, exit code 1 after each run of a length: restarted at
     * once after its first run, then after back-offs doubling from 10 s up to 300 s; each status read when written,
     * the last one that of the back-off after the last run.
     */
    private static List<Pod> kubelet(Duration run, int runs) {
        List<Pod> statuses = new ArrayList<>();
        Instant start = Instant.parse("2026-11-27T00:00:00Z");
        ContainerState last = null;
        for (int restarts = 0; restarts < runs; restarts++) {
            statuses.add(at(start, worker(restarts, running(start), last)));
            last = exited(start, run);
            Instant crashed = start.plus(run);
            long backOff = restarts == 0 ? 0 : Math.min(10L << (restarts - 1), 300);
            if (backOff > 0) {
                statuses.add(at(crashed, worker(restarts, crashLoop("worker", backOff + "s"), last)));
            }
            start = crashed.plusSeconds(backOff);
        }
        return statuses;
    }

    /** When the run before a status's back-off started. */
    private static Instant start(Pod pod) {
        return Instant.parse(pod.getStatus()
                .getContainerStatuses()
                .get(0)
                .getLastState()
                .getTerminated()
                .getStartedAt());
    }

    private static ContainerState exited(Instant start, Duration run) {
        return ContainerStatuses.exited(1, start, start.plus(run));
    }

    private static Pod worker(int restarts, ContainerState state, ContainerState last) {
        return main(status("worker", restarts, state, last));
    }

    private static Pod two(ContainerStatus a, ContainerStatus b) {
        return main(a, b);
    }

    /** A pod of regular containers ({@code restartPolicy: Always}) with these statuses. */
    private static Pod main(ContainerStatus... statuses) {
        PodBuilder pod = new PodBuilder()
                .withNewMetadata()
                .withName("p20")
                .withUid("6f1d2c9e")
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Always")
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withContainerStatuses(statuses)
                .endStatus();
        for (ContainerStatus status : statuses) {
            pod.editSpec()
                    .addNewContainer()
                    .withName(status.getName())
                    .withImage("registry.example/train:v1")
                    .endContainer()
                    .endSpec();
        }
        return pod.build();
    }

    /** The pod as read at a time. */
    private static Pod at(Instant time, Pod pod) {
        pod.getMetadata().setAnnotations(Map.of(READ_AT, time.toString()));
        return pod;
    }

    private static List<String> atBackOffs(BackOffClock clock, List<Pod> statuses) {
        return lasted(clock, statuses).stream().filter(s -> !s.equals("none")).toList();
    }

    private static List<String> lasted(BackOffClock clock, List<Pod> statuses) {
        List<String> lasted = new ArrayList<>();
        for (Pod pod : statuses) {
            Instant at = Instant.parse(pod.getMetadata().getAnnotations().get(READ_AT));
            Optional<Duration> value = clock.lasted(pod, PodStatus.of(pod), at);
            lasted.add(value.map(d -> d.toSeconds() + "s").orElse("none"));
        }
        return lasted;
    }

    private static List<String> expected(List<Pod> statuses) {
        return statuses.stream()
                .map(pod -> pod.getMetadata().getAnnotations().get(EXPECTED))
                .toList();
    }

    /** The init container's run as completed: exit code 0. */
    private static Pod completed(Pod terminated) {
        Pod pod = new PodBuilder(terminated).build();
        pod.getStatus()
                .getInitContainerStatuses()
                .get(0)
                .setState(new ContainerStateBuilder()
                        .withNewTerminated()
                        .withExitCode(0)
                        .withReason("Completed")
                        .endTerminated()
                        .build());
        return pod;
    }

    private static Pod sidecar(Pod pod) {
        Pod copy = new PodBuilder(pod).build();
        copy.getSpec().getInitContainers().get(0).setRestartPolicy("Always");
        return copy;
    }

    private static List<Pod> fixture(String name) throws IOException {
        try (InputStream in = BackOffClockTest.class.getResourceAsStream(name)) {
            return new KubernetesSerialization()
                    .unmarshal(in, KubernetesList.class).getItems().stream()
                            .map(Pod.class::cast)
                            .toList();
        }
    }
}
