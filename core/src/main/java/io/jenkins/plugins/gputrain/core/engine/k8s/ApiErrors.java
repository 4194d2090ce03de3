package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;

/** Kubernetes API errors as one console line. */
public final class ApiErrors {
    /** The message of OkHttp's call timeout, which fabric8's {@code waitForResult} copies into its IOException. */
    private static final String TIMEOUT = "timeout";

    private ApiErrors() {}

    /**
     * The first line of what went wrong ({@link #message}; the client's messages can carry the whole response body),
     * where the client's request timeout is not known.
     *
     * @param error the error
     * @return its first line, stripped
     */
    public static String firstLine(Exception error) {
        return firstLine(message(error, "no answer within the request timeout"));
    }

    /**
     * What went wrong with a request, in words, for the CLI's and the build step's error lines alike: the first
     * message along the causes (fabric8's names the operation, e.g. {@code Operation: [list] for kind: [Node] …
     * failed}), or the innermost cause's type; and for a request the API server did not answer in time, how long the
     * client waited. fabric8 7.3.1 times a request out in two ways: its own deadline, the request timeout plus up to
     * 5 s, fails it with a {@link TimeoutException} without a message inside a {@code KubernetesClientException}
     * without one ({@code OperationSupport.waitForResult}); the OkHttp client's call timeout, at the request timeout,
     * with an {@link InterruptedIOException} {@code timeout}.
     *
     * @param error what the client threw
     * @param requestTimeoutMillis the client's request timeout ({@code Config.getRequestTimeout()})
     * @return the message, possibly of several lines
     */
    public static String message(Throwable error, int requestTimeoutMillis) {
        return message(error, "no answer within " + millis(requestTimeoutMillis) + " (the request timeout)");
    }

    private static String message(Throwable error, String waited) {
        String first = null;
        boolean timedOut = false;
        Throwable root = error;
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            timedOut |= isTimeout(cause);
            if (first == null && !isTimeout(cause) && !isBlank(cause.getMessage())) {
                first = cause.getMessage().strip();
            }
            root = cause;
        }
        if (!timedOut) {
            return first == null ? root.getClass().getSimpleName() : first;
        }
        return first == null || first.equals(TIMEOUT) ? waited : withoutFinalStop(firstLine(first)) + ": " + waited;
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

    /** A client's own timeout, not an interrupt (which {@link ClientInterrupts} tells apart). */
    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException && isBlank(cause.getMessage())
                || cause instanceof InterruptedIOException && TIMEOUT.equals(cause.getMessage());
    }

    private static String withoutFinalStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
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
        OptionalInt status = execRefusalStatus(error);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        int code = status.getAsInt();
        String meaning =
                switch (code) {
                    case 401 -> ": the credentials are not accepted (expired token or certificate?)";
                    case 403 -> ": the credentials may not create pods/exec in the pod's namespace (RBAC)";
                    case 404 -> ": the pod or its container is gone";
                    default -> "";
                };
        return Optional.of("the API server refused the exec (HTTP " + code + ")" + meaning);
    }

    /**
     * The HTTP status the API server refused an exec's stream with ({@link #execRefusal}).
     *
     * @param error what the exec threw
     * @return the status, or empty when the stream was not refused
     */
    public static OptionalInt execRefusalStatus(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException handshake && handshake.getResponse() != null) {
                return OptionalInt.of(handshake.getResponse().code());
            }
        }
        return OptionalInt.empty();
    }
}
