package io.jenkins.plugins.gputrain.core.gate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one quality gate.
 *
 * @param gate the gate
 * @param finding what its evaluation found
 * @param baselineValue the baseline's value as DVC prints it, or {@code null} when there is none
 * @param workspaceValue the workspace's value as DVC prints it, or {@code null} when there is none
 * @param observed the number compared with the threshold (the change or the value), or {@code null} when the gate
 *     could not be checked
 * @param unreadable why the metrics file could not be read, for {@link Finding#UNREADABLE_IN_BASELINE} and
 *     {@link Finding#UNREADABLE_IN_WORKSPACE}; else {@code null}
 */
public record GateResult(
        QualityGate gate,
        Finding finding,
        String baselineValue,
        String workspaceValue,
        BigDecimal observed,
        String unreadable)
        implements Serializable {
    /** A result whose metrics files were read. */
    public GateResult(
            QualityGate gate, Finding finding, String baselineValue, String workspaceValue, BigDecimal observed) {
        this(gate, finding, baselineValue, workspaceValue, observed, null);
    }

    /** A gate whose metrics file could not be read. */
    static GateResult unreadable(QualityGate gate, Finding finding, String reason) {
        return new GateResult(gate, finding, null, null, null, reason);
    }

    /** Checks the parts. */
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(finding, "finding");
    }

    /** {@link GateStatus#PASSED} when the condition holds, else the status of the gate's criticality. */
    public GateStatus status() {
        return finding == Finding.MET ? GateStatus.PASSED : gate.criticality().failedStatus();
    }

    /** The number compared with the threshold, when the gate could be checked. */
    public Optional<BigDecimal> optionalObserved() {
        return Optional.ofNullable(observed);
    }

    /**
     * What was found, in words, e.g. {@code change +0.022 (0.912 → 0.934)}, {@code value 0.934},
     * {@code missing in the baseline}, {@code unreadable in the workspace (…)} or {@code not a number in the workspace ('n/a')}.
     */
    public String explanation() {
        return switch (finding) {
            case MET, NOT_MET ->
                gate.type() == GateType.CHANGE
                        ? "change " + signed(observed) + " (" + baselineValue + " → " + workspaceValue + ")"
                        : "value " + observed.toPlainString();
            case NO_BASELINE -> "no baseline to compare with";
            case MISSING_IN_BASELINE -> "missing in the baseline";
            case MISSING_IN_WORKSPACE -> "missing in the workspace";
            case UNREADABLE_IN_BASELINE -> "unreadable in the baseline (" + unreadable + ")";
            case UNREADABLE_IN_WORKSPACE -> "unreadable in the workspace (" + unreadable + ")";
            case NOT_A_NUMBER_IN_BASELINE -> "not a number in the baseline ('" + baselineValue + "')";
            case NOT_A_NUMBER_IN_WORKSPACE -> "not a number in the workspace ('" + workspaceValue + "')";
        };
    }

    /** One line for the console, e.g. {@code evaluation/metrics.json:acc change >= -0.01 (failure): passed, change …}. */
    public String line() {
        return gate.condition() + " (" + gate.criticality().value() + "): " + status().label() + ", " + explanation();
    }

    private static String signed(BigDecimal number) {
        return (number.signum() > 0 ? "+" : "") + number.toPlainString();
    }
}
