package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a command in container {@code dvc} detached from the API server's exec ({@link DetachedCommand}): one exec
 * starts it, then an exec follows its output, standard output and error combined, from a byte offset until it ends,
 * and returns its exit code. A follow exec that breaks without an HTTP answer (an API server restarted, a load
 * balancer's idle cut, a kubelet restarted) is attached again from the last byte received, up to {@link #ATTACHES}
 * times in a row without data, {@link #BACKOFF} apart and doubling up to {@link #MAX_BACKOFF}, so that no output is
 * lost or repeated and the command goes on. Each exec's result is returned once it is closed, or
 * {@link ExecDrain#GRACE} after the exit code without its close ({@link ExecDrain}).
 */
public final class ContainerExec implements PodExec {
    /** Follow execs in a row that may break without delivering a byte. */
    static final int ATTACHES = 8;

    /** The wait before the first re-attach. */
    static final Duration BACKOFF = Duration.ofSeconds(1);

    /** The longest wait between re-attaches. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(16);

    private final Sleeper sleeper;
    private final Clock clock;
    private final Supplier<String> ids;

    /** The real one: waits with {@link Thread#sleep}, a random directory per command. */
    public ContainerExec() {
        this(Sleeper.THREAD, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    ContainerExec(Sleeper sleeper, Clock clock, Supplier<String> ids) {
        this.sleeper = sleeper;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public CommandResult run(PodResource pod, List<String> command, Duration timeout, ProgressListener listener)
            throws PodFailureException, InterruptedException {
        Instant deadline = timeout == null ? null : clock.instant().plus(timeout);
        String directory = DetachedCommand.directory(ids.get());
        try (LineOutput out = new LineOutput(listener::output);
                LineOutput err = new LineOutput(listener::error)) {
            Integer started;
            try {
                started = exec(
                        pod,
                        DetachedCommand.start(directory, command),
                        OutputStream.nullOutputStream(),
                        err,
                        deadline,
                        null);
            } catch (Broken e) {
                throw e.failure("");
            }
            if (started != null && started != 0) {
                throw new PodFailureException(new PodFailure(
                        PodFailure.Kind.FAILED,
                        "cannot run the command in the pod: creating " + directory + " in its working directory"
                                + " failed with exit code " + started + " (the lines above say why)"));
            }
            Counted received = new Counted(out);
            Counted keepAlive = new Counted(err);
            Duration backOff = BACKOFF;
            for (int broken = 0; ; ) {
                long before = received.bytes() + keepAlive.bytes();
                try {
                    Integer exitCode = exec(
                            pod,
                            DetachedCommand.follow(directory, received.bytes()),
                            received,
                            keepAlive,
                            deadline,
                            listener);
                    return new CommandResult(exitCode == null ? -1 : exitCode, false);
                } catch (Broken e) {
                    if (received.bytes() + keepAlive.bytes() > before) {
                        broken = 0;
                        backOff = BACKOFF;
                    }
                    if (++broken >= ATTACHES) {
                        throw e.failure(", " + ATTACHES + " follows of its output in a row without data");
                    }
                    listener.progress("exec stream broken, re-attaching to the command's output from byte "
                            + received.bytes() + " in " + DurationSpec.format(backOff) + " (" + e.reason + ")");
                    sleeper.sleep(backOff);
                    Duration doubled = backOff.multipliedBy(2);
                    backOff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
                    if (deadline != null && !clock.instant().isBefore(deadline)) {
                        throw new TimeoutException();
                    }
                }
            }
        } catch (TimeoutException e) {
            listener.progress("the command ran longer than " + DurationSpec.format(timeout) + "; stopping the pod");
            return new CommandResult(-1, true);
        }
    }

    /**
     * Runs one exec until it ends: its exit code, or {@code null} when it ended without one. A close that does not
     * come is told to {@code listener}, when there is one (the start's output is nobody's concern).
     */
    private Integer exec(
            PodResource pod,
            List<String> command,
            OutputStream out,
            OutputStream err,
            Instant deadline,
            ProgressListener listener)
            throws PodFailureException, InterruptedException, TimeoutException, Broken {
        ExecDrain finished = new ExecDrain();
        try (ExecWatch exec = pod.inContainer(TrainingPodFactory.CONTAINER)
                .writingOutput(out)
                .writingError(err)
                .usingListener(finished)
                .exec(command.toArray(String[]::new))) {
            Integer exitCode = deadline == null
                    ? exec.exitCode().get()
                    : exec.exitCode()
                            .get(
                                    Math.max(
                                            0,
                                            Duration.between(clock.instant(), deadline)
                                                    .toMillis()),
                                    TimeUnit.MILLISECONDS);
            if (!finished.await() && listener != null) {
                listener.progress("the exec did not close within " + ExecDrain.GRACE.toSeconds()
                        + " s after the command ended (its output had all come: fabric8 completes the exit code"
                        + " after the last output is written)");
            }
            return exitCode;
        } catch (ExecutionException | KubernetesClientException e) {
            ClientInterrupts.rethrowIfInterrupted(e, "running the command");
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            Optional<String> refusal = ApiErrors.execRefusal(cause);
            if (refusal.isPresent() || !broken(cause)) {
                throw new PodFailureException(new PodFailure(
                        PodFailure.Kind.FAILED,
                        "cannot run the command in the pod: " + refusal.orElse(cause.getMessage())));
            }
            throw new Broken(ApiErrors.firstLine(cause instanceof Exception x ? x : e));
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

    /** An exec broken before its exit status came, with no HTTP answer. */
    private static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;

        private final String reason;

        Broken(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        PodFailureException failure(String times) {
            return new PodFailureException(new PodFailure(
                    PodFailure.Kind.EXEC_BROKEN,
                    "the command's exec connection broke before its exit status came (" + reason + times
                            + "); the container runtime may have stopped the command with it"));
        }
    }

    /** Counts the bytes written through it. */
    private static final class Counted extends OutputStream {
        private final OutputStream target;
        private final AtomicLong bytes = new AtomicLong();

        Counted(OutputStream target) {
            this.target = target;
        }

        /** The bytes written so far. */
        long bytes() {
            return bytes.get();
        }

        @Override
        public synchronized void write(int b) throws IOException {
            target.write(b);
            bytes.incrementAndGet();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            bytes.addAndGet(len);
        }
    }
}
