package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The crash loop followed across the states the kubelet writes between its back-offs, from fixtures of pod statuses
 * in the kubelet's own strings ({@code crash-loop.yaml}, {@code crash-loop-reset.yaml}), each annotated with when it
 * is read and how long the loop has lasted then.
 */
class BackOffClockTest {
    private static final String READ_AT = "gpu-train.test/read-at";
    private static final String EXPECTED = "gpu-train.test/expected-lasted";

    /**
     * Running, terminated (Error) and CrashLoopBackOff again, the restart count growing: one loop, lasting from the
     * first CrashLoopBackOff, so that it outlasts the allowance (the eighth back-off is read 622 s after the first).
     */
    @Test
    void aCrashLoopLastsAcrossTheRestartsBetweenItsBackOffs() throws IOException {
        List<Pod> statuses = fixture("crash-loop.yaml");

        List<String> lasted = lasted(new BackOffClock(), statuses);

        assertThat(lasted).containsExactlyElementsOf(expected(statuses));
        assertThat(lasted).contains("622s");
        assertThat(Duration.ofSeconds(622)).isGreaterThan(KubeletBackOff.allowance(PodFailure.Kind.CRASH_LOOP));
    }

    /** A run longer than 600 s resets the kubelet's back-off, and the loop is judged afresh. */
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
        assertThat(sidecar).containsExactly("0s", "none", "12s");
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
