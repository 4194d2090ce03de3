package io.jenkins.plugins.gputrain.core.engine.k8s;

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
}
