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
 */
final class ContainerInit {
    private static final String SLEEP = "sleep %d </dev/null >/dev/null 2>&1 & wait $!";

    /** The script; {@code kill -0 -1} is true while any process other than PID 1 is left. */
    static final String SCRIPT = "trap 'kill -TERM -1; while kill -0 -1 2>/dev/null; do " + SLEEP.formatted(1)
            + "; done; exit 143' TERM; while :; do " + SLEEP.formatted(3600) + "; done";

    /** The container's {@code command}. */
    static final List<String> COMMAND = List.of("sh", "-c", SCRIPT);

    private ContainerInit() {}
}
