package io.jenkins.plugins.gputrain.publish;

import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.List;
import java.util.Optional;

/**
 * The quality gates a publication evaluates. {@link MetricQualityGate} refuses a bad gate where it is configured, but
 * one can still arrive unchecked (a job's XML edited by hand: XStream calls no constructor or setter); then no gate is
 * evaluated and the build fails with the one-line reason, after the report is published, so the report is never lost.
 *
 * @param gates the gates to evaluate; none when one could not be read
 * @param problem the one-line reason the build fails, or {@code null} when every gate could be read
 */
record ConfiguredGates(List<QualityGate> gates, String problem) {
    /** Copies the list. */
    ConfiguredGates {
        gates = List.copyOf(gates);
    }

    /**
     * Reads the gates.
     *
     * @param configured the gates of the step, the freestyle action or the global defaults
     * @return all of them, or none and the problem with the first that cannot be read
     */
    static ConfiguredGates of(List<MetricQualityGate> configured) {
        try {
            return new ConfiguredGates(MetricQualityGate.toGates(configured), null);
        } catch (InvalidSpecException e) {
            return new ConfiguredGates(
                    List.of(),
                    "[gpu-train] publishDvcMetrics: " + e.getMessage() + "; the report was published without gates");
        }
    }

    /** Why the build fails after the report is published, when a gate could not be read. */
    Optional<String> optionalProblem() {
        return Optional.ofNullable(problem);
    }
}
