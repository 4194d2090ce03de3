package io.jenkins.plugins.gputrain.core.pod;

import java.util.List;

/**
 * The training container's command: a POSIX shell as PID 1 (busybox {@code sh}, dash or bash: no bash needed) that
 * keeps the container up while commands are executed in it, and passes a stop on. The kernel drops a signal sent to
 * a PID namespace's init unless init handles it, so a plain {@code sleep} as PID 1 ignores the runtime's SIGTERM:
 * a deleted, drained or evicted pod would keep its GPU for the whole {@code terminationGracePeriodSeconds}, and the
 * training would never be told to stop. This PID 1 traps TERM, sends TERM to every other process of the container
 * ({@code kill -TERM -1}: from a namespace's init that is every process in the namespace but itself, the executed
 * training commands included), waits until they are gone (a training that saves a checkpoint has the rest of the grace
 * period for it; the kernel kills whatever is left once PID 1 exits) and exits 143, as a shell killed by TERM would.
 * Between signals it waits on a background {@code sleep} (a shell runs traps only between commands; {@code wait}
 * returns at once on a trapped signal), which also reaps the processes orphaned into the container. The {@code sleep}
 * holds none of PID 1's descriptors.
 *
 * <p>Before it passes TERM on, the trap leaves the file {@value #STOPPED_MARKER} in the working directory (the
 * workspace, an {@code emptyDir} writable under a read-only root; a file that cannot be written does not keep the TERM
 * from being passed on): a kubelet holds a stopped pod's {@code Failed}/{@code Evicted} status back until its containers
 * stopped ({@code pkg/kubelet/status/status_manager.go}), so an exec that finds the file is how a command's end is
 * known to have come after the container was told to stop, while execs still work.
 */
public final class ContainerInit {
    /** The file, relative to the working directory, that PID 1's TERM trap writes before it passes TERM on. */
    public static final String STOPPED_MARKER = ".gpu-train-terminated";

    private static final String SLEEP = "sleep %d </dev/null >/dev/null 2>&1 & wait $!";

    /** The script; {@code kill -0 -1} is true while any process other than PID 1 is left. */
    static final String SCRIPT =
            "trap '{ true >" + STOPPED_MARKER + "; } 2>/dev/null; kill -TERM -1; while kill -0 -1 2>/dev/null; do "
                    + SLEEP.formatted(1) + "; done; exit 143' TERM; while :; do " + SLEEP.formatted(3600) + "; done";

    /** The container's {@code command}. */
    static final List<String> COMMAND = List.of("sh", "-c", SCRIPT);

    private ContainerInit() {}
}
