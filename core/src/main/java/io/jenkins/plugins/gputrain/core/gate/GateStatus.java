package io.jenkins.plugins.gputrain.core.gate;

/** The status of one quality gate, or the overall status of several (the worst of them). */
public enum GateStatus {
    /** The condition holds. */
    PASSED,
    /** The condition does not hold (or cannot be checked) and the gate is {@link Criticality#UNSTABLE}. */
    WARNING,
    /** The condition does not hold (or cannot be checked) and the gate is {@link Criticality#FAILURE}. */
    FAILED;

    /** The worse of two statuses. */
    public GateStatus worst(GateStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The word shown in reports and on the console: {@code passed}, {@code unstable} or {@code failed}. */
    public String label() {
        return switch (this) {
            case PASSED -> "passed";
            case WARNING -> "unstable";
            case FAILED -> "failed";
        };
    }
}
