package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests a client sends to the API server, by HTTP method (watches and exec upgrades are GETs; every
 * attempt of a retried request counts): installed on a client with {@link #install}, read with {@link #count()}.
 */
public final class ApiRequestCounter implements Interceptor {
    private static final String NAME = "gpu-train-api-request-counter";

    private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();

    /**
     * Installs the counter on the clients a builder builds.
     *
     * @param builder the builder
     * @return the builder
     */
    public KubernetesClientBuilder install(KubernetesClientBuilder builder) {
        return builder.withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor(NAME, this));
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        byMethod.computeIfAbsent(request.method(), m -> new LongAdder()).increment();
    }

    /** The requests counted so far. */
    public ApiRequests count() {
        Map<String, Long> counts = new TreeMap<>();
        byMethod.forEach((method, adder) -> counts.put(method, adder.sum()));
        return new ApiRequests(counts);
    }

    /**
     * Requests sent, by HTTP method.
     *
     * @param byMethod the count per method, e.g. {@code GET=5}
     */
    public record ApiRequests(Map<String, Long> byMethod) {
        /** Copies the map, sorted by method. */
        public ApiRequests {
            byMethod = java.util.Collections.unmodifiableMap(new TreeMap<>(byMethod));
        }

        /** All requests. */
        public long total() {
            return byMethod.values().stream().mapToLong(Long::longValue).sum();
        }

        /** A progress line, e.g. {@code 9 API requests (DELETE 1, GET 6, PATCH 0, POST 2)}. */
        public String describe() {
            StringBuilder text = new StringBuilder(total() + " API requests (");
            byMethod.forEach((method, count) ->
                    text.append(method).append(' ').append(count).append(", "));
            return (byMethod.isEmpty() ? text.append("none") : text.delete(text.length() - 2, text.length()))
                    .append(')')
                    .toString();
        }
    }
}
