package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.TrainingWorkspace;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Copies the workspace into the training container and the results back, as tar archives over exec: no volume, no
 * sidecar, no secret in the pod spec. Every command runs in the container's working directory (the workspace,
 * {@value TrainingPodFactory#WORKSPACE}) and names paths relative to it.
 *
 * <p>The upload follows fabric8's own {@code PodUpload} (7.3.1) rather than piping into {@code tar xf -}: with the
 * {@code v4.channel.k8s.io} exec protocol fabric8 speaks, standard input cannot be closed (kubernetes#89899), so a
 * command that reads to the end of its input never ends. Instead one exec stores exactly the archive's size with
 * {@code head -c} (which ends by itself, and is closed by the client after), a second checks the stored size with
 * {@code wc -c}, a third extracts and removes the file.
 *
 * <p>The download stores the results archive in a file, prints its size, then the archive ({@link SizedArchive}):
 * the exec's close is not awaited for ever ({@link ExecDrain}), so the archive's length is what proves it complete.
 */
public final class WorkspaceTransfer implements PodCopy {
    /** The archive file in the workspace while it is uploaded. */
    static final String UPLOAD_FILE = ".gpu-train-upload.tar";

    /** The results archive in the workspace while it is copied back. */
    static final String RESULTS_FILE = ".gpu-train-results.tar";

    private final long maxBytes;
    private final Function<PodResource, ContainerShell> shells;

    /** A transfer refusing more than {@code maxBytes} either way. */
    public WorkspaceTransfer(long maxBytes) {
        this(maxBytes, PodShell::new);
    }

    WorkspaceTransfer(long maxBytes, Function<PodResource, ContainerShell> shells) {
        this.maxBytes = maxBytes;
        this.shells = shells;
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
        ContainerShell shell = shells.apply(pod);
        String what = "copying the workspace into the pod";
        String file = quote(UPLOAD_FILE);
        Step store = run(shell, what, "head -c " + archive.length + " > " + file, archive);
        if (store.code() != null && store.code() != 0) {
            throw failure(what + " failed (storing the archive: exit code " + store.code() + "): " + store.errors());
        }
        Step size = run(shell, what, "wc -c < " + file, null);
        if (!String.valueOf(archive.length).equals(size.output().strip())) {
            run(shell, what, "rm -f " + file, null);
            throw failure(what + " failed: " + archive.length + " bytes sent, but the pod stored "
                    + (size.output().isBlank()
                            ? "none (" + size.errors() + ")"
                            : size.output().strip()));
        }
        Step extract = run(shell, what, "tar xf " + file + "; e=$?; rm -f " + file + "; exit $e", null);
        if (extract.code() == null || extract.code() != 0) {
            throw failure(what + " failed (tar exit code " + extract.code() + "): " + extract.errors());
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
        String quoted = paths.stream().map(p -> quote("./" + p)).collect(Collectors.joining(" "));
        String file = quote(RESULTS_FILE);
        String script = "set --; for f in " + quoted + "; do [ -f \"$f\" ] && set -- \"$@\" \"$f\"; done;"
                + " [ $# -eq 0 ] || { tar cf " + file + " \"$@\" && wc -c < " + file + " && cat " + file + "; e=$?;"
                + " rm -f " + file + "; exit $e; }";
        String what = "copying the results back";
        BoundedOutput archive = new BoundedOutput(maxBytes + SizedArchive.MAX_HEADER);
        String tooLarge = "the results are larger than " + maxBytes + " bytes";
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Integer code;
        try {
            code = shells.apply(pod).run(script, null, archive, errors);
        } catch (IOException | IllegalStateException e) {
            ClientInterrupts.rethrowIfInterrupted(e, what);
            throw failure(what + " failed: " + (archive.exceeded() ? tooLarge : e.getMessage()));
        }
        if (archive.exceeded()) {
            throw failure(what + " failed: " + tooLarge);
        }
        if (code == null || code != 0) {
            throw failure(what + " failed (tar exit code " + code + "): "
                    + errors.toString(StandardCharsets.UTF_8).strip());
        }
        byte[] results;
        try {
            results = SizedArchive.archive(archive.toByteArray());
        } catch (IOException e) {
            throw failure(what + " failed: " + e.getMessage());
        }
        if (results.length == 0) {
            listener.progress("copied back 0 result file(s): the command produced none of them");
            return List.of();
        }
        try {
            List<String> copied = workspace.unpack(results, maxBytes);
            listener.progress("copied back " + copied.size() + " result file(s): " + String.join(", ", copied));
            return copied;
        } catch (IOException e) {
            throw failure("cannot unpack the results: " + e.getMessage());
        }
    }

    private static Step run(ContainerShell shell, String what, String script, byte[] input)
            throws PodFailureException, InterruptedException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            Integer code = shell.run(script, input, output, errors);
            return new Step(
                    code,
                    output.toString(StandardCharsets.UTF_8),
                    errors.toString(StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            ClientInterrupts.rethrowIfInterrupted(e, what);
            throw failure(what + " failed: " + e.getMessage());
        }
    }

    /** How one exec of the upload ended. */
    private record Step(Integer code, String output, String errors) {}

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
        private boolean exceeded;

        BoundedOutput(long limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            if (size() + (long) length > limit) {
                exceeded = true;
                throw new IllegalStateException("the results are larger than " + limit + " bytes");
            }
            super.write(bytes, offset, length);
        }

        synchronized boolean exceeded() {
            return exceeded;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
