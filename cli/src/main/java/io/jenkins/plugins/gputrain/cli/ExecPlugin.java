package io.jenkins.plugins.gputrain.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A kubeconfig user's exec credential plugin ({@code users[].user.exec}). The Kubernetes client runs it and, when it
 * fails, only logs why; gpu-train runs it once more, bounded, to say why in one line as kubectl does. Only its standard
 * error is read: its standard output is where credentials go, and none may reach a log.
 *
 * @param command the executable (a relative path with a directory already resolved against its kubeconfig)
 * @param args its arguments
 * @param env variables added to its environment
 * @param apiVersion the ExecCredential version it must print
 */
record ExecPlugin(String command, List<String> args, Map<String, String> env, String apiVersion) {
    /** How long the plugin may run. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How much of its standard error is read. */
    private static final int MAX_OUTPUT = 4096;

    /**
     * Runs the plugin once and says why the client got no credentials from it.
     *
     * @return e.g. {@code executable aws failed with exit code 1: error: SSO session expired}
     * @throws InterruptedException when interrupted while waiting for it
     */
    String whyNoCredentials() throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of(command));
        argv.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).replaceFirst("^Cannot run program .*error=\\d+, ", "");
            return "executable " + command + " could not be started: " + ErrorReporting.oneLine(reason);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> readHead(process.getErrorStream(), output), "exec plugin stderr");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return "executable " + command + " did not finish within " + TIMEOUT.toSeconds() + " s";
        }
        reader.join(TIMEOUT.toMillis());
        String firstLine;
        synchronized (output) {
            firstLine = output.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .findFirst()
                    .map(line -> ": " + ErrorReporting.oneLine(line.strip()))
                    .orElse("");
        }
        if (process.exitValue() != 0) {
            return "executable " + command + " failed with exit code " + process.exitValue() + firstLine;
        }
        return "executable " + command + " gave no token or client certificate (expected an ExecCredential of"
                + " apiVersion " + apiVersion + " with status.token, or status.clientCertificateData and"
                + " clientKeyData)";
    }

    /** Keeps the first {@link #MAX_OUTPUT} bytes and drains the rest, so that the plugin never blocks writing. */
    private static void readHead(InputStream in, ByteArrayOutputStream head) {
        byte[] buffer = new byte[MAX_OUTPUT];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (head) {
                    head.write(buffer, 0, Math.min(n, Math.max(0, MAX_OUTPUT - head.size())));
                }
            }
        } catch (IOException e) {
            // the plugin ended or was killed; what was read is kept
        }
    }
}
