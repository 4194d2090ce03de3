package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.TrainingWorkspace;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Copies the workspace into the training container ({@value #REMOTE}) and the results back, as tar streams over
 * exec: no volume, no sidecar, no secret in the pod spec.
 */
public final class WorkspaceTransfer implements PodCopy {
    /** Where the workspace lives in the pod. */
    public static final String REMOTE = "/workspace";

    private static final long COPY_MINUTES = 30;

    private final long maxBytes;

    /** A transfer refusing more than {@code maxBytes} either way. */
    public WorkspaceTransfer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Copies the workspace in (without the DVC cache).
     *
     * @param pod the running pod
     * @param workspace the workspace
     * @param listener receives progress
     * @throws PodFailureException when packing or unpacking fails
     * @throws InterruptedException when interrupted
     */
    @Override
    public void upload(PodResource pod, TrainingWorkspace workspace, ProgressListener listener)
            throws PodFailureException, InterruptedException {
        byte[] archive;
        try {
            archive = workspace.pack(maxBytes);
        } catch (IOException e) {
            throw failure("cannot pack the workspace: " + e.getMessage());
        }
        listener.progress("copying the workspace into the pod (" + archive.length + " bytes, DVC cache left out)");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ExecDrain drain = new ExecDrain();
        try (ExecWatch exec = pod.inContainer(TrainingPodFactory.CONTAINER)
                .redirectingInput()
                .writingError(errors)
                .usingListener(drain)
                .exec("sh", "-c", "mkdir -p " + REMOTE + " && tar xf - -C " + REMOTE)) {
            try (OutputStream input = exec.getInput()) {
                input.write(archive);
            }
            check("copying the workspace into the pod", exec, drain, errors);
        } catch (IOException | KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "copying the workspace into the pod");
            throw failure("copying the workspace into the pod failed: " + e.getMessage());
        }
    }

    /**
     * Copies result files back into the workspace; files the command did not produce are skipped.
     *
     * @param pod the pod
     * @param workspace the workspace
     * @param paths repository paths of the results ({@code dvc.lock}, params, metrics, plots)
     * @param listener receives progress
     * @return the files copied back
     * @throws PodFailureException when the copy fails
     * @throws InterruptedException when interrupted
     */
    @Override
    public List<String> download(
            PodResource pod, TrainingWorkspace workspace, List<String> paths, ProgressListener listener)
            throws PodFailureException, InterruptedException {
        if (paths.isEmpty()) {
            return List.of();
        }
        String quoted = paths.stream().map(WorkspaceTransfer::quote).collect(Collectors.joining(" "));
        String script = "cd " + REMOTE + " && for f in " + quoted + "; do [ -f \"$f\" ] && printf '%s\\n' \"$f\";"
                + " done > /tmp/gpu-train-results; tar cf - -T /tmp/gpu-train-results";
        ByteArrayOutputStream archive = new BoundedOutput(maxBytes);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ExecDrain drain = new ExecDrain();
        try (ExecWatch exec = pod.inContainer(TrainingPodFactory.CONTAINER)
                .writingOutput(archive)
                .writingError(errors)
                .usingListener(drain)
                .exec("sh", "-c", script)) {
            check("copying the results back", exec, drain, errors);
        } catch (KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "copying the results back");
            throw failure("copying the results back failed: " + e.getMessage());
        }
        try {
            List<String> copied = workspace.unpack(archive.toByteArray(), maxBytes);
            listener.progress("copied back " + copied.size() + " result file(s): " + String.join(", ", copied));
            return copied;
        } catch (IOException e) {
            throw failure("cannot unpack the results: " + e.getMessage());
        }
    }

    /** Waits for tar's exit code and for its output to be drained; anything but exit 0 fails the copy. */
    private static void check(String what, ExecWatch exec, ExecDrain drain, ByteArrayOutputStream errors)
            throws PodFailureException, InterruptedException {
        try {
            Integer code = exec.exitCode().get(COPY_MINUTES, TimeUnit.MINUTES);
            if (!drain.await()) {
                throw failure(what + " failed: the exec did not close within " + ExecDrain.DRAIN_SECONDS
                        + " s after tar ended");
            }
            if (code == null || code != 0) {
                throw failure(what + " failed (tar exit code " + code + "): "
                        + errors.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (ExecutionException | TimeoutException e) {
            ClientInterrupts.rethrowIfInterrupted(e, what);
            throw failure(what + " failed: " + e.getMessage());
        }
    }

    /** A single-quoted shell word. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static PodFailureException failure(String message) {
        return new PodFailureException(new PodFailure(PodFailure.Kind.FAILED, message));
    }

    /** Collects bytes up to a limit; beyond it the copy is refused rather than filling memory. */
    private static final class BoundedOutput extends ByteArrayOutputStream {
        private final long limit;

        BoundedOutput(long limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            if (size() + (long) length > limit) {
                throw new IllegalStateException("the results are larger than " + limit + " bytes");
            }
            super.write(bytes, offset, length);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
