package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/** Watches of pod {@code test/w1} that fabric8's mock server answers, for tests. */
final class MockWatches {
    /** The watch request fabric8 7.3.1 sends for {@code pods().inNamespace("test").withName("w1").watch(…)}. */
    static final String W1 =
            "/api/v1/namespaces/test/pods?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dw1&watch=true";

    private MockWatches() {}

    /** The next watch of pod w1 delivers these events, then stays open. */
    static void once(KubernetesMockServer server, WatchEvent... events) {
        server.expect()
                .get()
                .withPath(W1)
                .andUpgradeToWebSocket()
                .open((Object[]) events)
                .done()
                .once();
    }

    /** The API server's end of a watch: an {@code ERROR} event carrying the status. */
    static WatchEvent error(int code, String reason, String message) {
        return new WatchEvent(
                new StatusBuilder()
                        .withCode(code)
                        .withReason(reason)
                        .withMessage(message)
                        .build(),
                "ERROR");
    }

    /** {@code 410 Expired}: the watch's resource version is too old; fabric8 does not reconnect by itself. */
    static WatchEvent expired() {
        return error(410, "Expired", "too old resource version");
    }
}
