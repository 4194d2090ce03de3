package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ContainerShell} over the API server's exec in container {@value TrainingPodFactory#CONTAINER}. Input is
 * written in chunks of at most {@link #CHUNK_BYTES}: fabric8 7.3.1's {@code ExecWebSocketListener} waits before each
 * send until its WebSocket queue holds at most 16 MiB including that send, so one larger write waits for ever. The
 * exit code is returned once the exec is closed, or after {@link ExecDrain#GRACE} without its close.
 */
final class PodShell implements ContainerShell {
    /** The largest single write to the exec's input. */
    static final int CHUNK_BYTES = 1 << 20;

    private static final long EXEC_MINUTES = 30;

    private final PodResource pod;
    private final Duration grace;

    PodShell(PodResource pod) {
        this(pod, ExecDrain.GRACE);
    }

    /** A shell that awaits each exec's close for {@code grace} after its exit code ({@link ExecDrain}). */
    PodShell(PodResource pod, Duration grace) {
        this.pod = pod;
        this.grace = grace;
    }

    @Override
    public Integer run(String script, byte[] input, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException {
        ExecDrain drain = new ExecDrain(grace);
        var container = pod.inContainer(TrainingPodFactory.CONTAINER);
        var withInput = input == null ? container : container.redirectingInput();
        try (ExecWatch exec = withInput
                .writingOutput(stdout)
                .writingError(stderr)
                .usingListener(drain)
                .exec("sh", "-c", script)) {
            if (input != null) {
                try (OutputStream in = exec.getInput()) {
                    writeChunked(input, in);
                }
            }
            Integer code = exec.exitCode().get(EXEC_MINUTES, TimeUnit.MINUTES);
            drain.await();
            return code;
        } catch (ExecutionException | TimeoutException | KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "running '" + script + "' in the pod");
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException(
                    e instanceof TimeoutException
                            ? "no exit code within " + EXEC_MINUTES + " min"
                            : ApiErrors.execRefusal(cause).orElse(cause.getMessage()),
                    e);
        }
    }

    /** Writes {@code bytes} in pieces of at most {@link #CHUNK_BYTES}. */
    static void writeChunked(byte[] bytes, OutputStream out) throws IOException {
        for (int offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
            out.write(bytes, offset, Math.min(CHUNK_BYTES, bytes.length - offset));
        }
    }
}
