package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell scripts that run the training command detached from any exec stream, so that a broken stream does not
 * stop it. A CRI runtime ends an exec's process with its stream: containerd v2.3.4 SIGKILLs the exec's process when
 * the stream's request context ends ({@code internal/cri/server/container_execsync.go} execInContainer, the
 * {@code execCtx.Done()} case), and once it stops reading the exec's output the shim, which holds the output FIFO's
 * read side ({@code cmd/containerd-shim-runc-v2/process/io.go} copyPipes), blocks, and with it every write of the
 * command. So one short exec ({@link #start}) starts the command in the background of a new session with its
 * standard output and error appended to {@value #OUTPUT} in a directory of its own under {@value #ROOT} (relative to
 * the working directory, like every exec of gpu-train), and its exit code written to {@value #EXIT} when it ends;
 * then an exec that can be repeated ({@link #follow}) streams that file from a byte offset until the exit file
 * exists, and exits with the command's exit code ({@value #NEVER_STARTED}, saying so on standard error, when there is
 * no such directory: a start whose exit status was lost may not have run).
 *
 * <p>The command runs in the foreground of a shell that outlives a TERM, so that the exit code recorded is the
 * command's own (a training that saves a checkpoint on TERM and exits 0 is recorded 0, not 143): the pod's PID 1 sends
 * TERM to every process of the container when the pod is deleted ({@code ContainerInit}), the follow included, which
 * ignores it. Started in the background of a shell, the command starts with SIGINT and SIGQUIT ignored (POSIX). The
 * follow writes one {@link KeepAlive#BYTE} to standard error after every {@link KeepAlive#INTERVAL} without output.
 * The image needs {@code sh}, {@code mkdir}, {@code cat}, {@code tail}, {@code head -c}, {@code wc}, {@code mv} and {@code sleep}; {@code setsid}
 * is used where there is one.
 */
final class DetachedCommand {
    /** The directory, relative to the working directory, that holds each command's state. */
    static final String ROOT = ".gpu-train-exec";

    /** The file in a command's directory that holds its output. */
    static final String OUTPUT = "out";

    /** The file in a command's directory that holds its exit code once it ended. */
    static final String EXIT = "exit";

    /** The follow's exit code when the command's directory does not exist. */
    static final int NEVER_STARTED = 125;

    /** The name ({@code $0}) the follow script runs under; its first two arguments are the directory and offset. */
    static final String FOLLOW_NAME = "gpu-train-follow";

    /**
     * Runs the command in the foreground and writes its exit code to the exit file via a temporary file and {@code
     * mv}, so that it is never read half-written. The pod's PID 1 sends TERM to every process of the container
     * ({@code kill -TERM -1}), the command's own included, so this shell only outlives it ({@code trap : TERM}) to
     * record what the command exits with: the command gets one TERM, not a second one passed on.
     */
    private static final String WRAPPER = "d=$1; shift; trap : TERM; \"$@\"; e=$?;" + " echo $e > \"$d/" + EXIT
            + ".new\" && mv \"$d/" + EXIT + ".new\" \"$d/" + EXIT + "\"";

    /**
     * Creates the directory and starts the command once: a directory that exists already means an earlier start
     * did (its exec's answer lost), and it is not started again.
     */
    private static final String START = "d=$1; mkdir -p " + ROOT + " || exit;"
            + " mkdir \"$d\" 2>/dev/null || { [ -d \"$d\" ] && exit 0; mkdir \"$d\"; exit 1; };"
            + " s=; command -v setsid >/dev/null 2>&1 && s=setsid;"
            + " $s sh -c '" + WRAPPER.replace("'", "'\\''") + "' gpu-train \"$@\" </dev/null >>\"$d/" + OUTPUT
            + "\" 2>&1 &";

    /**
     * Streams the output file from byte offset {@code $2} (of the bytes it had when looked at, so a line still being
     * written is never split in a way that repeats it), once a second, until the exit file exists, then exits with
     * the code it holds. {@code $3} is the keepalive interval in seconds. It ignores TERM, which the pod's PID 1 sends
     * every process on deletion, so that it reports the command's exit code rather than its own 143.
     */
    private static final String FOLLOW =
            "d=$1; n=$2; k=$3; i=0; trap '' TERM; [ -d \"$d\" ] || { echo \"gpu-train: $d is missing:"
                    + " the command was never started\" >&2; exit " + NEVER_STARTED + "; }; : >>\"$d/" + OUTPUT
                    + "\"; while :; do"
                    + " f=; [ -e \"$d/" + EXIT + "\" ] && f=1;"
                    + " s=$(($(wc -c <\"$d/" + OUTPUT + "\")));"
                    + " if [ $s -gt $n ]; then tail -c +$((n + 1)) \"$d/" + OUTPUT
                    + "\" | head -c $((s - n)); n=$s; i=0;"
                    + " elif [ $i -ge $k ]; then printf '\\000' >&2; i=0; fi;"
                    + " [ \"$f\" ] && exit $(cat \"$d/" + EXIT + "\");"
                    + " sleep 1 </dev/null >/dev/null 2>&1; i=$((i + 1)); done";

    private DetachedCommand() {}

    /** The directory of the command with this id, relative to the working directory. */
    static String directory(String id) {
        return ROOT + "/" + id;
    }

    /** The exec that starts {@code command} in {@code directory} (once) and returns at once. */
    static List<String> start(String directory, List<String> command) {
        List<String> script = new ArrayList<>(List.of("sh", "-c", START, "gpu-train-start", directory));
        script.addAll(command);
        return script;
    }

    /** The exec that streams the command's output from {@code offset} until it ends, and exits with its code. */
    static List<String> follow(String directory, long offset) {
        return follow(directory, offset, KeepAlive.INTERVAL);
    }

    static List<String> follow(String directory, long offset, Duration keepAlive) {
        return List.of(
                "sh",
                "-c",
                FOLLOW,
                FOLLOW_NAME,
                directory,
                String.valueOf(offset),
                String.valueOf(keepAlive.toSeconds()));
    }
}
