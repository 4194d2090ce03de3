package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.pod.ContainerInit;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * balancer's idle cut, a kubelet restarted), or that the API server answers with HTTP 429 or 5xx (overloaded, or
 * the kubelet or container runtime behind it restarting; fabric8 7.3.1 has then already sent the upgrade again
 * {@code requestRetryBackoffLimit} times, {@code StandardHttpClient.shouldRetry}), is attached again from the last
 * byte received, {@link #BACKOFF} apart and doubling up to {@link #MAX_BACKOFF}, for as long as the follows have
 * brought no data for less than {@link #REATTACH_BUDGET}, so that no output is lost or repeated and the command goes
 * on. An exec refused with another status (403 RBAC, 404 the pod gone) fails the run.
 *
 * <p>A follow's exit status is the command's when it is one the follow gives for nothing else; when it is missing
 * (the exec closed without one), {@code -1} (no code in the status: kwok v0.8.0 reports every non-zero exit so,
 * since its {@code pkg/kwok/server/debugging_exec.go} wraps the process's {@code *exec.ExitError} in an error that
 * cri-streaming v0.36.1's {@code ServeExec} does not take for an exit code, {@code remotecommand/exec.go} line 50) or
 * one of the follow's own ({@value DetachedCommand#NEVER_STARTED}, {@value DetachedCommand#SHELL_GONE}), a short exec
 * reads how the command stands ({@link CommandState}): the exit code it wrote, a follow again when it still runs or
 * its output has not all come, a follow again after a pause while its shell has not written its PID (for up to
 * {@link #PID_WAIT}, then one line), or one line when its process group was killed without writing one. Once the run
 * has the exit code and the output, the command's directory is removed (best effort), whatever the exit code.
 *
 * <p>No exec is run once the pod's watch ({@link PodWatch}) shows the training container terminated, the pod Failed
 * or Succeeded, or the pod being deleted ({@link StoppedContainer}): the kubelet would answer HTTP 500, which is
 * otherwise re-attached to. The command's result is then one progress line and an exit code unknown ({@code -1}),
 * so that the pod's status names the outcome ({@link PodOutcome}); its directory goes with the container. Each exec's result is returned once it is
 * closed, or {@link ExecDrain#GRACE} after the exit code without its close ({@link ExecDrain}).
 */
public final class ContainerExec implements PodExec {
    /**
     * How long follows may go on breaking without bringing a byte before the run fails: longer than an API server
     * rollout or a kubelet restart takes.
     */
    static final Duration REATTACH_BUDGET = Duration.ofMinutes(5);

    /** The wait before the first re-attach. */
    static final Duration BACKOFF = Duration.ofSeconds(1);

    /** The longest wait between re-attaches. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(16);

    /** How long the command's shell may take to write its PID before the follow gives up. */
    static final Duration PID_WAIT = Duration.ofMinutes(1);

    /** How long the removal of the command's directory may take. */
    static final Duration CLEAN_TIMEOUT = Duration.ofMinutes(1);

    /** How long the exec that looks for the TERM trap's marker may take. */
    static final Duration STOP_CHECK_TIMEOUT = Duration.ofMinutes(1);

    /**
     * The exec that looks for {@link ContainerInit#STOPPED_MARKER} in the working directory; it prints its answer
     * rather than exit non-zero, since kwok v0.8.0 reports no code for a non-zero exit.
     */
    static final List<String> STOP_CHECK = List.of(
            "sh",
            "-c",
            "if [ -e \"$1\" ]; then echo stopped; else echo running; fi",
            "gpu-train-stopped",
            ContainerInit.STOPPED_MARKER);

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
    public CommandResult run(
            PodResource pod, PodWatch watch, List<String> command, Duration timeout, ProgressListener listener)
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
            CommandResult result =
                    follow(new Command(pod, watch, directory, clock.instant(), deadline, listener), out, err);
            if (watch.stoppedContainer().isEmpty()) {
                clean(pod, directory, listener);
            }
            return result;
        } catch (TimeoutException e) {
            listener.progress("the command ran longer than " + DurationSpec.format(timeout) + "; stopping the pod");
            return new CommandResult(-1, true);
        }
    }

    /**
     * Follows the command's output until it ended, attaching again after each break, and waiting while its shell has
     * not written its PID; no exec once the pod's watch shows the container stopped.
     */
    private CommandResult follow(Command command, OutputStream out, OutputStream err)
            throws PodFailureException, InterruptedException, TimeoutException {
        PodResource pod = command.pod();
        Instant deadline = command.deadline();
        ProgressListener listener = command.listener();
        Counted received = new Counted(out);
        Counted keepAlive = new Counted(err);
        Duration backOff = BACKOFF;
        Instant quietSince = null;
        while (true) {
            Optional<CommandResult> stopped = stopped(command);
            if (stopped.isPresent()) {
                return stopped.get();
            }
            long before = received.bytes() + keepAlive.bytes();
            try {
                Integer exitCode = exec(
                        pod,
                        DetachedCommand.follow(
                                command.directory(), received.bytes(), KeepAlive.INTERVAL, pidWait(command)),
                        received,
                        keepAlive,
                        deadline,
                        listener);
                Optional<CommandResult> result = ended(command, exitCode, received.bytes());
                if (result.isPresent()) {
                    return result.get();
                }
                sleeper.sleep(BACKOFF);
            } catch (Broken e) {
                if (command.watch().stoppedContainer().isPresent()) {
                    continue;
                }
                Instant now = clock.instant();
                if (received.bytes() + keepAlive.bytes() > before) {
                    quietSince = now;
                    backOff = BACKOFF;
                } else if (quietSince == null) {
                    quietSince = now;
                }
                if (!now.isBefore(quietSince.plus(REATTACH_BUDGET))) {
                    throw e.failure(", its output followed again for " + DurationSpec.format(REATTACH_BUDGET)
                            + " without data");
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
    }

    /**
     * The command's result once the pod's watch shows its container stopped: one line, and an exit code unknown, so
     * that the pod's status is read for the outcome ({@link PodOutcome#abnormal}); an exec into it is not tried.
     */
    private static Optional<CommandResult> stopped(Command command) {
        return command.watch().stoppedContainer().map(stop -> {
            command.listener()
                    .progress("the pod's watch shows " + stop.description() + ": the command's output is not"
                            + " followed further and its state is not read (no exec can run in a stopped container);"
                            + " its outcome is read from the pod's status");
            return new CommandResult(-1, false);
        });
    }

    /** How long, from now, the command's shell may still take to write its PID. */
    private Duration pidWait(Command command) {
        Duration left = PID_WAIT.minus(Duration.between(command.started(), clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * How the command ended, from the follow's exit status, or, when that may not be the command's, from its
     * {@link CommandState}.
     *
     * @return the result, or empty when the command's shell has not written its PID yet, for less than
     *     {@link #PID_WAIT}: the follow is run again after a pause
     * @throws Broken when the follow is to be attached again: the command runs, or its output has not all come
     */
    private Optional<CommandResult> ended(Command command, Integer exitCode, long received)
            throws PodFailureException, InterruptedException, TimeoutException, Broken {
        if (exitCode != null
                && exitCode >= 0
                && exitCode != DetachedCommand.NEVER_STARTED
                && exitCode != DetachedCommand.SHELL_GONE
                && exitCode != DetachedCommand.NO_PID) {
            return Optional.of(new CommandResult(exitCode, false));
        }
        Optional<CommandResult> stopped = stopped(command);
        if (stopped.isPresent()) {
            return stopped;
        }
        String directory = command.directory();
        ProgressListener listener = command.listener();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        exec(
                command.pod(),
                DetachedCommand.state(directory),
                printed,
                OutputStream.nullOutputStream(),
                command.deadline(),
                null);
        String line = printed.toString(StandardCharsets.UTF_8).strip();
        CommandState state = CommandState.parse(line).orElse(null);
        String status = exitCode == null ? "no exit status" : "exit status " + exitCode;
        if (state == null) {
            listener.progress("the command's exit code is unknown: the follow of its output ended with " + status
                    + ", and reading its state in " + directory + " printed '" + line + "', not "
                    + CommandState.EXPECTED);
            return Optional.of(new CommandResult(exitCode == null ? -1 : exitCode, false));
        }
        if (state.kind() == CommandState.Kind.MISSING) {
            return Optional.of(new CommandResult(DetachedCommand.NEVER_STARTED, false));
        }
        if (state.kind() == CommandState.Kind.RUNNING) {
            throw new Broken("the follow ended with " + status + " while the command runs");
        }
        if (received < state.size()) {
            throw new Broken(
                    "the follow ended with " + status + " at byte " + received + " of the command's " + state.size());
        }
        if (state.kind() == CommandState.Kind.STARTING) {
            if (clock.instant().isBefore(command.started().plus(PID_WAIT))) {
                return Optional.empty();
            }
            listener.progress("the command's exit code is unknown: its shell in the pod wrote no PID to " + directory
                    + "/" + DetachedCommand.PID + " within " + DurationSpec.format(PID_WAIT) + " of its start"
                    + " (expected the PID of the shell that runs the command, written before it runs it)");
            return Optional.of(new CommandResult(-1, false));
        }
        if (state.kind() == CommandState.Kind.GONE) {
            listener.progress("the command's shell in the pod ended without writing its exit code to " + directory + "/"
                    + DetachedCommand.EXIT + " (killed, e.g. by SIGKILL or the out-of-memory killer)");
            return Optional.of(new CommandResult(-1, false));
        }
        return Optional.of(new CommandResult(state.exitCode(), false));
    }

    /**
     * Looks for the marker of PID 1's TERM trap. An exec that fails (refused, broken, no answer in
     * {@link #STOP_CHECK_TIMEOUT}) or prints something else right after the command's execs worked is taken for the
     * container having stopped: a training cut short must not pass for a finished one.
     */
    @Override
    public Optional<String> stopSeen(PodResource pod) throws InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ShortExec check = shortExec(pod, STOP_CHECK, printed, OutputStream.nullOutputStream(), STOP_CHECK_TIMEOUT);
        String failed = check.failure();
        if (failed == null) {
            String answer = printed.toString(StandardCharsets.UTF_8).strip();
            if (answer.equals("running")) {
                return Optional.empty();
            }
            if (answer.equals("stopped")) {
                return Optional.of(
                        "its TERM trap left " + TrainingPodFactory.WORKSPACE + "/" + ContainerInit.STOPPED_MARKER);
            }
            failed = "it printed '" + answer + "' with " + check.status() + ", not 'stopped' or 'running'";
        }
        return Optional.of("the exec that looks for its TERM trap's marker failed (" + failed
                + "), taken for the container having stopped");
    }

    /** Removes the command's directory; a failure is one progress line. */
    private void clean(PodResource pod, String directory, ProgressListener listener) throws InterruptedException {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ShortExec removal = shortExec(
                pod, DetachedCommand.clean(directory), OutputStream.nullOutputStream(), errors, CLEAN_TIMEOUT);
        String failed = removal.failure();
        if (failed == null) {
            if (removal.code() != null && removal.code() == 0) {
                return;
            }
            String said = errors.toString(StandardCharsets.UTF_8)
                    .strip()
                    .lines()
                    .findFirst()
                    .orElse("");
            failed = removal.status() + (said.isEmpty() ? "" : ": " + said);
        }
        listener.progress("could not remove " + directory + " from the pod's working directory (" + failed
                + "); it goes with the pod");
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
            if (ApiErrors.execRefusalStatus(cause).stream().anyMatch(ContainerExec::transientStatus)) {
                throw new Broken(refusal.orElseThrow());
            }
            if (refusal.isPresent() || !broken(cause)) {
                throw new PodFailureException(new PodFailure(
                        PodFailure.Kind.FAILED,
                        "cannot run the command in the pod: " + refusal.orElse(cause.getMessage())));
            }
            throw new Broken(ApiErrors.firstLine(cause instanceof Exception x ? x : e));
        }
    }

    /** Whether an exec refused with this HTTP status may be sent again: too many requests, or a server error. */
    private static boolean transientStatus(int status) {
        return status == 429 || status >= 500;
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

    /**
     * A started command: where it runs, the watch of its pod, its directory, when it was started, its deadline (or
     * {@code null}) and who is told of it.
     */
    private record Command(
            PodResource pod,
            PodWatch watch,
            String directory,
            Instant started,
            Instant deadline,
            ProgressListener listener) {}

    /**
     * Runs a short exec of the engine's own (the stop check, the removal): how it ended, or why it could not run.
     */
    private ShortExec shortExec(
            PodResource pod, List<String> command, OutputStream out, OutputStream err, Duration timeout)
            throws InterruptedException {
        try {
            return new ShortExec(exec(pod, command, out, err, clock.instant().plus(timeout), null), null);
        } catch (Broken e) {
            return new ShortExec(null, e.reason);
        } catch (TimeoutException e) {
            return new ShortExec(null, "no exit status within " + DurationSpec.format(timeout));
        } catch (PodFailureException e) {
            return new ShortExec(null, e.failure().message());
        }
    }

    /**
     * How a short exec ended: its exit code ({@code null} when it ended without one), or why it failed
     * ({@code null} when it ran).
     */
    private record ShortExec(Integer code, String failure) {
        String status() {
            return code == null ? "no exit status" : "exit code " + code;
        }
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
