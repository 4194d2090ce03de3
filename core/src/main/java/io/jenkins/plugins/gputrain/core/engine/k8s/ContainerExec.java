package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a command in container {@code dvc} through the API server's exec, streaming its output, kept alive while it
 * is silent ({@link KeepAlive}). The result is returned once the exec is closed, or {@link ExecDrain#GRACE} after
 * the exit code without its close ({@link ExecDrain}).
 */
public final class ContainerExec implements PodExec {
    @Override
    public CommandResult run(PodResource pod, List<String> command, Duration timeout, ProgressListener listener)
            throws PodFailureException, InterruptedException {
        ExecDrain finished = new ExecDrain();
        try (LineOutput out = new LineOutput(listener::output);
                LineOutput err = new LineOutput(listener::error);
                ExecWatch exec = pod.inContainer(TrainingPodFactory.CONTAINER)
                        .writingOutput(out)
                        .writingError(err)
                        .usingListener(finished)
                        .exec(KeepAlive.wrap(command).toArray(String[]::new))) {
            Integer exitCode = timeout == null
                    ? exec.exitCode().get()
                    : exec.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished.await()) {
                listener.progress("the exec did not close within " + ExecDrain.GRACE.toSeconds()
                        + " s after the command ended (its output had all come: fabric8 completes the exit code"
                        + " after the last output is written)");
            }
            return new CommandResult(exitCode == null ? -1 : exitCode, false);
        } catch (TimeoutException e) {
            listener.progress("the command ran longer than " + DurationSpec.format(timeout) + "; stopping the pod");
            return new CommandResult(-1, true);
        } catch (ExecutionException | KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "running the command");
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            Optional<String> refusal = ApiErrors.execRefusal(cause);
            if (refusal.isPresent() || !broken(cause)) {
                throw new PodFailureException(new PodFailure(
                        PodFailure.Kind.FAILED,
                        "cannot run the command in the pod: " + refusal.orElse(cause.getMessage())));
            }
            throw new PodFailureException(new PodFailure(
                    PodFailure.Kind.EXEC_BROKEN,
                    "the command's exec connection broke before its exit status came ("
                            + ApiErrors.firstLine(cause instanceof Exception x ? x : e)
                            + "); the container runtime may have stopped the command with it"));
        }
    }

    /**
     * Whether the exec failed without an answer from the API server (a connection reset or refused: an
     * {@link IOException} in the chain), not with an HTTP status (the pod is gone, RBAC, …).
     */
    private static boolean broken(Throwable cause) {
        if (cause instanceof KubernetesClientException k && k.getCode() > 0) {
            return false;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
