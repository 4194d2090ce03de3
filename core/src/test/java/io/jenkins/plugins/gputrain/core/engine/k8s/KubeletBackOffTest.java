package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allowances against a model of the kubelet at v1.35.4: pod syncs requeued 10 to 15 s after a failed one
 * ({@code pod_workers.go} completeWork), an image pulled again by the first sync at least the back-off after the end
 * of the last failed pull ({@code image_manager.go}, client-go {@code flowcontrol.Backoff}: 10 s doubling to 300 s).
 */
class KubeletBackOffTest {
    /** The pulls the kubelet starts, in seconds after the first one failed, with syncs every {@code syncSeconds}. */
    private static List<Long> pulls(long syncSeconds, long until) {
        List<Long> pulls = new ArrayList<>(List.of(0L));
        long delay = KubeletBackOff.INITIAL.toSeconds();
        for (long sync = syncSeconds; sync <= until; sync += syncSeconds) {
            if (sync - pulls.get(pulls.size() - 1) >= delay) {
                pulls.add(sync);
                delay = Math.min(delay * 2, KubeletBackOff.MAX.toSeconds());
            }
        }
        return pulls;
    }

    /**
     * With the slowest requeue, the sixth pull (the last made before the back-off reaches its maximum) comes at 345 s,
     * not at 310 s: the allowance must hold it and its try.
     */
    @Test
    void theImagePullAllowanceHoldsTheSixthPullAtTheSlowestSyncs() {
        List<Long> pulls = pulls(KubeletBackOff.SLOWEST_SYNC.toSeconds(), 1000);

        assertThat(pulls.subList(0, 7)).containsExactly(0L, 15L, 45L, 90L, 180L, 345L, 645L);
        assertThat(KubeletBackOff.IMAGE_PULLS)
                .isGreaterThanOrEqualTo(Duration.ofSeconds(pulls.get(5)).plus(KubeletBackOff.LAST_TRY))
                .isLessThan(Duration.ofSeconds(pulls.get(6)));
    }

    /** Each gap is at most the back-off plus one requeue: the worst case the allowance is made of. */
    @Test
    void theImagePullAllowanceIsTheBackOffsPlusALateRequeueEach() {
        assertThat(KubeletBackOff.IMAGE_PULLS).isEqualTo(Duration.ofSeconds(10 + 20 + 40 + 80 + 160 + 5 * 15 + 60));
        assertThat(KubeletBackOff.allowance(PodFailure.Kind.IMAGE_PULL)).isEqualTo(KubeletBackOff.IMAGE_PULLS);
    }

    /** A crash-looping container restarts up to 30 s after its back-off: half of a requeue capped at 1 minute. */
    @Test
    void theCrashLoopAllowanceCountsLateRestarts() {
        assertThat(KubeletBackOff.allowance(PodFailure.Kind.CRASH_LOOP))
                .isEqualTo(Duration.ofSeconds(10 + 20 + 40 + 80 + 160 + 5 * 30 + 60));
    }

    /** Configuration errors are retried by every sync: 4 to 6 times within the allowance. */
    @ParameterizedTest(name = "syncs every {0}s: {1} retries")
    @CsvSource({"10, 6", "15, 4"})
    void configurationErrorsGetFourToSixRetries(long syncSeconds, int retries) {
        assertThat(KubeletBackOff.allowance(PodFailure.Kind.CONTAINER_CONFIG)).isEqualTo(KubeletBackOff.SYNC_RETRIES);
        assertThat(KubeletBackOff.SYNC_RETRIES.toSeconds() / syncSeconds).isEqualTo(retries);
    }
}
