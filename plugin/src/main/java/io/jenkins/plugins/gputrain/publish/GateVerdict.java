package io.jenkins.plugins.gputrain.publish;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import hudson.model.Result;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.gate.GateStatus;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a build's quality gates do: one console line per gate and the summary, and the build result they call for. */
final class GateVerdict {
    private GateVerdict() {}

    /** One {@code [gpu-train] quality gate …} line per gate, then the summary; nothing without gates. */
    static List<String> consoleLines(QualityGateReport gates) {
        List<String> lines = new ArrayList<>();
        if (!gates.isEmpty()) {
            gates.results().forEach(result -> lines.add(PREFIX + Messages.GateVerdict_Line(result.line())));
            lines.add(PREFIX + gates.summary());
        }
        return lines;
    }

    /** {@link Result#UNSTABLE} or {@link Result#FAILURE} for a failed gate of that criticality; none when all passed. */
    static Optional<Result> buildResult(GateStatus status) {
        return switch (status) {
            case PASSED -> Optional.empty();
            case WARNING -> Optional.of(Result.UNSTABLE);
            case FAILED -> Optional.of(Result.FAILURE);
        };
    }
}
