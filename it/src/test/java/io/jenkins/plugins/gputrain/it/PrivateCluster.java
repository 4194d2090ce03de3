package io.jenkins.plugins.gputrain.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A test control plane of a test's own, for what must not happen to the shared one (restarting its API server):
 * started, restarted and deleted by {@code .ci/k8s-testbed} with the same cached binaries and options under a name
 * of its own, its ports chosen free by kwokctl.
 */
final class PrivateCluster implements AutoCloseable {
    private static final Path SCRIPT = Path.of(System.getProperty("gpu-train.testbed.script", "../.ci/k8s-testbed"));

    private final String name;
    private final Path kubeconfig;

    private PrivateCluster(String name, Path kubeconfig) {
        this.name = name;
        this.kubeconfig = kubeconfig;
    }

    /** Starts a new cluster named {@code gpu-train-it-PURPOSE-RANDOM} and waits until it is ready. */
    static PrivateCluster start(String purpose) throws IOException, InterruptedException {
        String name = "gpu-train-it-" + purpose + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36)
                        .toLowerCase(Locale.ROOT);
        List<String> out = script("start", name);
        return new PrivateCluster(name, Path.of(out.get(out.size() - 1)));
    }

    /** The cluster's kubeconfig. */
    Path kubeconfig() {
        return kubeconfig;
    }

    /** Kills its kube-apiserver, starts it again and waits until it answers {@code /readyz}. */
    void restartApiServer() throws IOException, InterruptedException {
        script("restart-apiserver", name);
    }

    /** Deletes the cluster. */
    @Override
    public void close() throws IOException, InterruptedException {
        script("stop", name);
    }

    /** Runs {@code .ci/k8s-testbed ACTION NAME}; its standard output's lines, or a failure with its log. */
    private static List<String> script(String action, String name) throws IOException, InterruptedException {
        Path log = Files.createTempFile("k8s-testbed-" + action, ".log");
        Path out = Files.createTempFile("k8s-testbed-" + action, ".out");
        try {
            Process process = new ProcessBuilder(List.of(SCRIPT.toAbsolutePath().toString(), action, name))
                    .redirectOutput(out.toFile())
                    .redirectError(log.toFile())
                    .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(".ci/k8s-testbed " + action + " " + name + " did not end within 3 minutes:\n"
                        + Files.readString(log));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(".ci/k8s-testbed " + action + " " + name + " exited with "
                        + process.exitValue() + ":\n" + Files.readString(log));
            }
            return new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(out);
        }
    }
}
