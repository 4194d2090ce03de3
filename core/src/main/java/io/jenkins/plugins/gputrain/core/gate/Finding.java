package io.jenkins.plugins.gputrain.core.gate;

/** What evaluating one quality gate found; only {@link #MET} passes it, everything else is reported at its criticality. */
public enum Finding {
    /** The condition holds. */
    MET,
    /** The condition does not hold. */
    NOT_MET,
    /** A {@link GateType#CHANGE} gate without a baseline revision to compare with. */
    NO_BASELINE,
    /** The metric is not in the baseline (file or key missing). */
    MISSING_IN_BASELINE,
    /** The metric is not in the workspace (file or key missing). */
    MISSING_IN_WORKSPACE,
    /** The baseline's metrics file could not be read (e.g. corrupt JSON). */
    UNREADABLE_IN_BASELINE,
    /** The workspace's metrics file could not be read (e.g. corrupt JSON). */
    UNREADABLE_IN_WORKSPACE,
    /** The baseline's value is not a finite {@code int} or {@code float} (a string, a boolean, a list, inf, nan). */
    NOT_A_NUMBER_IN_BASELINE,
    /** The workspace's value is not a finite {@code int} or {@code float} (a string, a boolean, a list, inf, nan). */
    NOT_A_NUMBER_IN_WORKSPACE
}
