package io.jenkins.plugins.gputrain.core.gate;

/**
 * What the quality gates make of the build, as Jenkins' results {@code SUCCESS}, {@code UNSTABLE} and
 * {@code FAILURE}: the worst failed gate's criticality, or success when every gate passed (or there are none).
 */
public enum BuildOutcome {
    /** Every gate passed: the build's result stays as it is. */
    SUCCESS,
    /** A gate of criticality {@code unstable} failed, none of criticality {@code failure}. */
    UNSTABLE,
    /** A gate of criticality {@code failure} failed. */
    FAILURE;

    /** The outcome the gates' overall status calls for. */
    public static BuildOutcome of(GateStatus gates) {
        return switch (gates) {
            case PASSED -> SUCCESS;
            case WARNING -> UNSTABLE;
            case FAILED -> FAILURE;
        };
    }
}
