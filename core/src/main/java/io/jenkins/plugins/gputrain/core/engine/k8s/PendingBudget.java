package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pending timeout of one pod, as one deadline shared by everything that waits before the pod runs: the
 * preflight's wait for nodes to recover, the pod's creation (quota retries) and the wait for it to be scheduled and
 * started. It remembers how much of it went to the node wait, for the message that ends the run.
 */
public final class PendingBudget {
    /** No pending timeout: nothing is ever cut short. */
    public static final PendingBudget NONE = new PendingBudget(null, null, Duration.ZERO);

    private final Duration timeout;
    private final Instant deadline;
    private final Duration nodeWait;

    private PendingBudget(Duration timeout, Instant deadline, Duration nodeWait) {
        this.timeout = timeout;
        this.deadline = deadline;
        this.nodeWait = nodeWait;
    }

    /**
     * The budget of a pod whose wait begins now.
     *
     * @param since when the wait began
     * @param timeout the pending timeout, or {@code null} for none
     * @return the budget
     */
    public static PendingBudget from(Instant since, Duration timeout) {
        return timeout == null ? NONE : new PendingBudget(timeout, since.plus(timeout), Duration.ZERO);
    }

    /**
     * This budget after the preflight's wait for nodes took part of it.
     *
     * @param waited how long the preflight took
     * @return the budget, with the same deadline
     */
    public PendingBudget afterNodeWait(Duration waited) {
        return timeout == null ? this : new PendingBudget(timeout, deadline, waited);
    }

    /** The pending timeout, if there is one. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** When the pending timeout ends, if there is one. */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** Whether the pending timeout has ended at that time. */
    boolean passed(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    /** What is left of it at that time: never negative; {@code null} when there is no pending timeout. */
    Duration left(Instant now) {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * How a message names it, e.g. {@code the pending timeout of 1m (40s of it spent waiting for nodes to recover)}:
     * the node wait is named only when it lasted a second or more.
     */
    String describe() {
        String text = "the pending timeout of " + DurationSpec.format(timeout);
        return nodeWait.getSeconds() < 1
                ? text
                : text + " (" + DurationSpec.format(Duration.ofSeconds(nodeWait.getSeconds()))
                        + " of it spent waiting for nodes to recover)";
    }
}
