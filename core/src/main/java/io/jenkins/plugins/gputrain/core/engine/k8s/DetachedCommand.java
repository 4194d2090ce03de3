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
 * the working directory, like every exec of gpu-train), the PID of its shell in {@value #PID}, and its exit code
 * written to {@value #EXIT} when it ends; then an exec that can be repeated ({@link #follow}) streams that file from a
 * byte offset until the exit file exists, and exits with the command's exit code ({@value #NEVER_STARTED}, saying so
 * on standard error, when there is no such directory: a start whose exit status was lost may not have run;
 * {@value #SHELL_GONE} when the command's process group is gone without an exit file, as after a SIGKILL of it;
 * {@value #NO_PID} when the shell has written no PID in the time the follow was given). Where an
 * exec's exit status is missing or may not be the follow's own (kwok v0.8.0 reports every non-zero exit as -1), a
 * short exec ({@link #state}) says how the command stands, as a {@link CommandState}; once the run has what it
 * needs, {@link #clean} removes the directory.
 *
 * <p>The command runs in the foreground of a shell that outlives a TERM, so that the exit code recorded is the
 * command's own (a training that saves a checkpoint on TERM and exits 0 is recorded 0, not 143): the pod's PID 1 sends
 * TERM to every process of the container when the pod is deleted ({@code ContainerInit}), the follow included, which
 * ignores it. Started in the background of a shell, the command starts with SIGINT and SIGQUIT ignored (POSIX). The
 * follow writes one {@link KeepAlive#BYTE} to standard error after every {@link KeepAlive#INTERVAL} without output.
 *
 * <p>Each look at the output costs no read of what came before: the size comes from {@code stat -c %s} (GNU
 * coreutils and busybox; {@code wc -c}, which busybox 1.35's {@code coreutils/wc.c} counts by reading, only where
 * there is no {@code stat}), and the follow skips to its offset with {@code dd bs=1 skip=N count=0}, which seeks
 * (busybox 1.35 {@code coreutils/dd.c} lseeks its input for {@code skip}) where busybox's {@code tail -c +N} reads and
 * drops the prefix ({@code coreutils/tail.c}, the {@code from_top} loop). The image needs {@code sh}, {@code mkdir},
 * {@code cat}, {@code dd}, {@code head -c}, {@code mv}, {@code rm} and {@code sleep}, and {@code stat} or {@code wc};
 * {@code setsid} is used where there is one (without it, the shell's own PID says whether the command runs), and
 * {@code /proc/PID/stat} tells a zombie.
 */
final class DetachedCommand {
    /** The directory, relative to the working directory, that holds each command's state. */
    static final String ROOT = ".gpu-train-exec";

    /** The file in a command's directory that holds its output. */
    static final String OUTPUT = "out";

    /** The file in a command's directory that holds its exit code once it ended. */
    static final String EXIT = "exit";

    /** The file in a command's directory that holds the PID of the shell that runs it. */
    static final String PID = "pid";

    /** The follow's exit code when the command's directory does not exist. */
    static final int NEVER_STARTED = 125;

    /** The follow's exit code when the command's process group is gone and left no exit file. */
    static final int SHELL_GONE = 122;

    /** The follow's exit code when the command's shell has not written its PID within the seconds it was given. */
    static final int NO_PID = 121;

    /** The name ({@code $0}) the follow script runs under; its first two arguments are the directory and offset. */
    static final String FOLLOW_NAME = "gpu-train-follow";

    /** The name ({@code $0}) the state script runs under; its argument is the directory. */
    static final String STATE_NAME = "gpu-train-state";

    /**
     * Writes this shell's PID, then runs the command in the foreground and writes its exit code to the exit file,
     * each via a temporary file and {@code mv}, so that neither is read half-written. The pod's PID 1 sends TERM to
     * every process of the container ({@code kill -TERM -1}), the command's own included, so this shell only outlives
     * it ({@code trap : TERM}) to record what the command exits with: the command gets one TERM, not a second one
     * passed on. The command's redirections to the output file are made in a subshell of its own that then becomes
     * the command ({@code exec}): this shell's standard error is not the output file, so the line it prints for a
     * command killed by a signal ({@code Killed}, {@code Terminated}: dash 0.5.12 and busybox 1.35 ash both print it
     * for a non-interactive shell's foreground command, busybox while a redirection on that command is still in
     * place) is not the command's output.
     */
    private static final String WRAPPER = "d=$1; shift; trap : TERM; echo $$ > \"$d/" + PID + ".new\" && mv \"$d/"
            + PID + ".new\" \"$d/" + PID + "\"; (exec \"$@\" >>\"$d/" + OUTPUT + "\" 2>&1); e=$?; echo $e > \"$d/"
            + EXIT + ".new\" && mv \"$d/" + EXIT + ".new\" \"$d/" + EXIT + "\"";

    /**
     * Creates the directory and starts the command once: a directory that exists already means an earlier start
     * did (its exec's answer lost), and it is not started again.
     */
    private static final String START = "d=$1; mkdir -p " + ROOT + " || exit;"
            + " mkdir \"$d\" 2>/dev/null || { [ -d \"$d\" ] && exit 0; mkdir \"$d\"; exit 1; };"
            + " s=; command -v setsid >/dev/null 2>&1 && s=setsid;"
            + " $s sh -c '" + WRAPPER.replace("'", "'\\''") + "' gpu-train \"$@\" </dev/null >/dev/null 2>&1 &";

    /**
     * Shell functions over the directory {@code $d}: {@code size} prints the output file's size without reading it;
     * {@code live} succeeds while a PID names a process that is not a zombie; {@code alive}, once the PID is written,
     * fails once the command's process group is gone: the shell runs under {@code setsid}, so its PID is the group's
     * ID, and a command whose shell was killed goes on in the group. The group is gone when {@code kill -0 -PGID}
     * fails, or when every process left in it is a zombie no one reaped (state {@code Z} in {@code /proc/PID/stat},
     * the field after the parenthesised name; the group ID is the third after it). Without {@code setsid} the shell
     * leads no group, and its own PID decides.
     */
    private static final String FUNCTIONS = " size() { stat -c %s \"$d/" + OUTPUT + "\" 2>/dev/null || wc -c <\"$d/"
            + OUTPUT + "\"; };"
            + " live() { kill -0 \"$1\" 2>/dev/null || return 1; z=; read -r z 2>/dev/null </proc/$1/stat;"
            + " case \"$z\" in *') Z '*) return 1;; esac; };"
            + " alive() { p=; read -r p 2>/dev/null <\"$d/" + PID
            + "\"; [ -z \"$p\" ] && return 0; live \"$p\" && return 0;"
            + " kill -0 -$p 2>/dev/null || return 1; for x in /proc/[0-9]*/stat; do y=;"
            + " read -r y 2>/dev/null <\"$x\" || continue; set -- ${y##*') '};"
            + " [ \"$3\" = \"$p\" ] && [ \"$1\" != Z ] && return 0; done; return 1; };";

    /**
     * Streams the output file from byte offset {@code $2} (of the bytes it had when looked at, so a line still being
     * written is never split in a way that repeats it), once a second, until the exit file exists, then exits with
     * the code it holds; or, when the command's process group is gone without one, with {@value #SHELL_GONE} once the
     * output it left is sent; or, when the shell has not written its PID for {@code $4} seconds, with
     * {@value #NO_PID}. {@code $3} is the keepalive interval in seconds. It ignores TERM, which the pod's PID 1 sends
     * every process on deletion, so that it reports the command's exit code rather than its own 143.
     */
    private static final String FOLLOW =
            "d=$1; n=$2; k=$3; w=$4; i=0; trap '' TERM; [ -d \"$d\" ] || { echo \"gpu-train: $d is missing:"
                    + " the command was never started\" >&2; exit " + NEVER_STARTED + "; }; : >>\"$d/" + OUTPUT
                    + "\";" + FUNCTIONS + " while :; do"
                    + " f=; g=; h=; if [ -e \"$d/" + EXIT + "\" ]; then f=1;"
                    + " elif [ ! -e \"$d/" + PID + "\" ]; then [ $w -gt 0 ] || h=1;"
                    + " elif ! alive; then [ -e \"$d/" + EXIT + "\" ] && f=1 || g=1; fi;"
                    + " s=$(($(size)));"
                    + " if [ $s -gt $n ]; then { dd bs=1 skip=$n count=0 2>/dev/null; head -c $((s - n)); }"
                    + " <\"$d/" + OUTPUT + "\"; n=$s; i=0;"
                    + " elif [ $i -ge $k ]; then printf '\\000' >&2; i=0; fi;"
                    + " [ \"$f\" ] && exit $(cat \"$d/" + EXIT + "\");"
                    + " [ \"$g\" ] && exit " + SHELL_GONE + ";"
                    + " [ \"$h\" ] && exit " + NO_PID + ";"
                    + " sleep 1 </dev/null >/dev/null 2>&1; i=$((i + 1)); [ -e \"$d/" + PID
                    + "\" ] || w=$((w - 1)); done";

    /**
     * Prints one {@link CommandState} line: {@code missing} without the directory, else {@code starting SIZE} while
     * the shell has written no PID, {@code running SIZE}, {@code ended CODE SIZE} (the exit file read before the size,
     * so the size counts all the command wrote) or {@code gone SIZE}.
     */
    private static final String STATE = "d=$1; [ -d \"$d\" ] || { echo missing; exit 0; }; : >>\"$d/" + OUTPUT
            + "\";" + FUNCTIONS + " if [ ! -e \"$d/" + EXIT + "\" ] && [ ! -e \"$d/" + PID + "\" ]; then"
            + " echo \"starting $(($(size)))\";"
            + " elif [ ! -e \"$d/" + EXIT + "\" ] && alive; then echo \"running $(($(size)))\";"
            + " elif [ -e \"$d/" + EXIT + "\" ]; then e=$(cat \"$d/" + EXIT + "\"); echo \"ended $e $(($(size)))\";"
            + " else echo \"gone $(($(size)))\"; fi";

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

    /**
     * The exec that streams the command's output from {@code offset} until it ends, and exits with its code, with a
     * keepalive byte after each {@code keepAlive} without output; or with {@value #NO_PID} once its shell has written
     * no PID for {@code pidWait}.
     */
    static List<String> follow(String directory, long offset, Duration keepAlive, Duration pidWait) {
        return List.of(
                "sh",
                "-c",
                FOLLOW,
                FOLLOW_NAME,
                directory,
                String.valueOf(offset),
                String.valueOf(keepAlive.toSeconds()),
                String.valueOf(pidWait.toSeconds()));
    }

    /** The exec that prints how the command in {@code directory} stands, one {@link CommandState} line. */
    static List<String> state(String directory) {
        return List.of("sh", "-c", STATE, STATE_NAME, directory);
    }

    /** The exec that removes the command's directory. */
    static List<String> clean(String directory) {
        return List.of("sh", "-c", "rm -rf \"$1\"", "gpu-train-clean", directory);
    }
}
