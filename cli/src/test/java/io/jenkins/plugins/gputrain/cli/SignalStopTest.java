package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.engine.DeletionOutcome;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The last line of a run stopped by a signal says what the deletion of its pods did, as the run told it. */
class SignalStopTest {
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final SignalStop stop = new SignalStop(new ProgressListener() {
        @Override
        public void progress(String line) {
            told.add(line);
        }

        @Override
        public void output(String line) {}

        @Override
        public void error(String line) {}

        @Override
        public void afterDeletion(String kind, String name, DeletionOutcome outcome) {
            told.add(kind + " " + name + " " + outcome);
        }
    });

    @Test
    void aDeletedPodIsSaidToBeDeletedFirst() {
        stop.afterDeletion("pod", "gpu-train-1", DeletionOutcome.DELETED);

        assertThat(stop.line())
                .isEqualTo("ERROR: gpu-train run was stopped by a signal (SIGTERM: exit code 143; SIGINT or Ctrl-C:"
                        + " 130); its pod was deleted first, as told above");
        assertThat(told).containsExactly("pod gpu-train-1 DELETED");
    }

    @Test
    void aPodThatCouldNotBeDeletedPointsAtTheCommandAndStaysSoAfterALaterPodIsDeleted() {
        stop.afterDeletion("pod", "gpu-train-1", DeletionOutcome.FAILED);
        stop.afterDeletion("pod", "gpu-train-1-r1", DeletionOutcome.DELETED);

        assertThat(stop.line()).endsWith("; its pod could not be deleted: delete it with the kubectl command above");
    }

    @Test
    void aPodFoundGoneIsNotSaidToBeDeleted() {
        stop.afterDeletion("pod", "gpu-train-1", DeletionOutcome.NOTHING);

        assertThat(stop.line()).endsWith("; its pod was found gone already, as told above");
    }

    @Test
    void aRunStoppedBeforeItsPodExistedSaysSo() {
        stop.afterDeletion("secret", "s", DeletionOutcome.DELETED);
        stop.progress("a line");

        assertThat(stop.line()).endsWith("; no pod of it existed yet");
        assertThat(told).containsExactly("secret s DELETED", "a line");
    }

    @Test
    void aCleanupThatRanOutOfTimeSaysThePodMayBeLeft() {
        assertThat(SignalStop.CLEANUP_TIMED_OUT)
                .isEqualTo("ERROR: gpu-train run was stopped by a signal (SIGTERM: exit code 143; SIGINT or Ctrl-C:"
                        + " 130); the deletion of its pod did not end within 30 s, so the pod may be left: `gpu-train"
                        + " gc` deletes what gpu-train left");
    }
}
