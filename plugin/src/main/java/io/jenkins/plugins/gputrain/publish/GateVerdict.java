package io.jenkins.plugins.gputrain.publish;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import java.util.ArrayList;
import java.util.List;

/** What a build's quality gates print: one console line per gate and the summary. */
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
}
