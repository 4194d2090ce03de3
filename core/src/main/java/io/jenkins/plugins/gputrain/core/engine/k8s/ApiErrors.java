package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Kubernetes API errors as one console line. */
public final class ApiErrors {
    private ApiErrors() {}

    /**
     * The first line of an error's message (the client's messages can carry the whole response body).
     *
     * @param error the error
     * @return its first line, stripped
     */
    public static String firstLine(Exception error) {
        return firstLine(String.valueOf(error.getMessage()));
    }

    /**
     * What went wrong with a request, in words, for the CLI's and the build step's error lines alike: a request the API
     * server did not answer in time (fabric8 7.3.1 fails it with a {@link TimeoutException} without a message, wrapped
     * in a {@code KubernetesClientException} without one: {@code OperationSupport.waitForResult}) says how long the
     * client waited for its answer; otherwise the first message along the causes, or the innermost cause's type.
     *
     * @param error what the client threw
     * @param requestTimeoutMillis the client's request timeout ({@code Config.getRequestTimeout()})
     * @return the message, possibly of several lines
     */
    public static String message(Throwable error, int requestTimeoutMillis) {
        Throwable root = error;
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TimeoutException && isBlank(cause.getMessage())) {
                return "no answer within " + millis(requestTimeoutMillis) + " (the request timeout)";
            }
            root = cause;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (!isBlank(cause.getMessage())) {
                return cause.getMessage().strip();
            }
        }
        return root.getClass().getSimpleName();
    }

    /**
     * {@link #message} cut at its first line, for a console.
     *
     * @param error what the client threw
     * @param requestTimeoutMillis the client's request timeout
     * @return one line
     */
    public static String line(Throwable error, int requestTimeoutMillis) {
        return firstLine(message(error, requestTimeoutMillis));
    }

    private static String firstLine(String message) {
        String text = message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    private static String millis(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * Why the API server refused to open an exec stream, when it did: fabric8 7.3.1 reports a refused WebSocket
     * upgrade as "An error has occurred." with the HTTP status only on a {@link WebSocketHandshakeException} in the
     * cause chain (the response carries no body), e.g. 403 when RBAC does not grant {@code create} on
     * {@code pods/exec}.
     *
     * @param error what the exec threw
     * @return one phrase naming the status and what it means, or empty when the stream was not refused
     */
    public static Optional<String> execRefusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException handshake && handshake.getResponse() != null) {
                int code = handshake.getResponse().code();
                String meaning =
                        switch (code) {
                            case 401 -> ": the credentials are not accepted (expired token or certificate?)";
                            case 403 -> ": the credentials may not create pods/exec in the pod's namespace (RBAC)";
                            case 404 -> ": the pod or its container is gone";
                            default -> "";
                        };
                return Optional.of("the API server refused the exec (HTTP " + code + ")" + meaning);
            }
        }
        return Optional.empty();
    }
}
