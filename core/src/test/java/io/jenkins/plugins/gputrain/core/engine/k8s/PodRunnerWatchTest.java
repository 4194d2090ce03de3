package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A watch the API server closes for good ({@code 410 Gone}: the resource version is too old, so the client does not
 * reconnect by itself) is opened again and the state read afresh, against the mock server's expectations.
 */
@EnableKubernetesMockClient
class PodRunnerWatchTest {
    private static final String POD = "/api/v1/namespaces/test/pods/w1";

    KubernetesMockServer server;
    KubernetesClient client;

    private final RecordedProgress listener = new RecordedProgress();

    @Test
    void aWatchClosedByTheServerIsResumedAndTheRunGoesOn() throws Exception {
        expectCreation();
        MockWatches.once(server, MockWatches.expired());
        MockWatches.once(server, new WatchEvent(pod("Running"), "MODIFIED"));
        server.expect().get().withPath(POD).andReturn(200, pod("Pending")).times(2);
        server.expect().get().withPath(POD).andReturn(200, pod("Running")).always();
        server.expect().delete().withPath(POD).andReturn(200, pod("Running")).once();

        CommandResult result = new PodRunner(client, Clock.systemUTC(), null, listener)
                .run(pod("Pending"), resource -> new CommandResult(0, false));

        assertThat(result.succeeded()).isTrue();
        assertThat(listener.progress)
                .containsSubsequence(
                        "created pod test/w1",
                        "pod w1 is Pending",
                        "the watch of pod w1 closed; resuming",
                        "pod w1 is Running",
                        "deleted pod w1");
    }

    /**
     * A watch the API server refuses every time (an API server 1.35 on etcd 3.4 answers each watch without a
     * resource version with a 500 "RequestWatchProgress is disabled"; fabric8 7.3.1 reconnects for ever and never
     * calls onClose): the pod is read again every {@link PodRunner#RESYNC}, so the run still sees it Running.
     */
    @Test
    @Timeout(30)
    void aWatchThatNeverDeliversDoesNotHoldTheRunPending() throws Exception {
        expectCreation();
        server.expect()
                .get()
                .withPath(MockWatches.W1)
                .andUpgradeToWebSocket()
                .open(MockWatches.error(
                        500,
                        null,
                        "a watch stream was requested by the client but the required storage feature"
                                + " RequestWatchProgress is disabled"))
                .done()
                .always();
        server.expect().get().withPath(POD).andReturn(200, pod("Pending")).once();
        server.expect().get().withPath(POD).andReturn(200, pod("Running")).always();
        server.expect().delete().withPath(POD).andReturn(200, pod("Running")).once();
        SteppingClock clock = new SteppingClock(PodRunner.RESYNC.dividedBy(4));

        CommandResult result = new PodRunner(client, clock, null, listener)
                .run(pod("Pending"), resource -> new CommandResult(0, false));

        assertThat(result.succeeded()).isTrue();
        assertThat(listener.progress).containsSubsequence("pod w1 is Pending", "pod w1 is Running");
    }

    /** A clock that moves on by a step each time it is read. */
    private static final class SteppingClock extends Clock {
        private final java.time.Duration step;
        private java.time.Instant now = java.time.Instant.parse("2026-12-02T00:00:00Z");

        SteppingClock(java.time.Duration step) {
            this.step = step;
        }

        @Override
        public synchronized java.time.Instant instant() {
            now = now.plus(step);
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private void expectCreation() {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/test/pods")
                .andReturn(201, pod("Pending"))
                .once();
    }

    /** The ERROR event an API server sends on a watch it ends. */
    private static Pod pod(String phase) {
        return new PodBuilder()
                .withNewMetadata()
                .withName("w1")
                .withNamespace("test")
                .withResourceVersion("1")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("dvc")
                .withImage("x")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();
    }
}
