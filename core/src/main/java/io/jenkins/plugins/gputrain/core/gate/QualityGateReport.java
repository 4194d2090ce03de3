package io.jenkins.plugins.gputrain.core.gate;

import java.io.Serializable;
import java.util.List;

/**
 * The results of a build's quality gates, in the order the gates were given, and their overall status.
 *
 * @param results one per gate
 */
public record QualityGateReport(List<GateResult> results) implements Serializable {
    /** Copies the list. */
    public QualityGateReport {
        results = List.copyOf(results);
    }

    /** No gates. */
    public static QualityGateReport none() {
        return new QualityGateReport(List.of());
    }

    /** Whether there are no gates. */
    public boolean isEmpty() {
        return results.isEmpty();
    }

    /** The worst status of the gates; {@link GateStatus#PASSED} when there are none. */
    public GateStatus overallStatus() {
        return results.stream().map(GateResult::status).reduce(GateStatus.PASSED, GateStatus::worst);
    }

    /** How many gates have the status. */
    public long count(GateStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** One line for the whole, e.g. {@code Quality gates: failed (1 failed, 1 unstable, 2 passed)}. */
    public String summary() {
        return "Quality gates: " + overallStatus().label() + " (" + count(GateStatus.FAILED) + " failed, "
                + count(GateStatus.WARNING) + " unstable, " + count(GateStatus.PASSED) + " passed)";
    }
}
