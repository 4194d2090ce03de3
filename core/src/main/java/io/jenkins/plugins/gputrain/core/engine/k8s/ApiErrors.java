package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.util.Optional;

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
        String message = String.valueOf(error.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
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
