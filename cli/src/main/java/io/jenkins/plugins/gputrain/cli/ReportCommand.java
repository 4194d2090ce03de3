package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.gate.GateStatus;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.gate.QualityGateReport;
import io.jenkins.plugins.gputrain.core.report.ExperimentReport;
import io.jenkins.plugins.gputrain.core.report.ReportContent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpu-train report}: the report bundle of the workspace against a baseline. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Write report.md, report.html, metrics-diff.json, params-diff.json, metrics.json and plots/"
                + " comparing the workspace with a baseline revision; with --gate, check quality gates on the metrics"
                + " (their results also in quality-gates.json).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Report written; every gate passed (or only unstable gates failed, without --fail-on-unstable).",
            "1:The report could not be written (one ERROR: line).",
            "2:Bad options or a bad --gate (one error: line).",
            "3:Report written, and a failure gate failed (or, with --fail-on-unstable, any gate)."
        })
final class ReportCommand implements Callable<Integer> {
    /** Exit code when a quality gate failed: distinct from a runtime failure (1) and a usage error (2). */
    static final int GATE_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOption repository;

    @Option(
            names = "--baseline",
            paramLabel = "REV",
            defaultValue = "main",
            description = "Revision to compare with (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "gpu-train",
            description = "Directory to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--gate",
            paramLabel = "GATE",
            description = "A quality gate, repeatable: 'FILE:KEY change|value >=|>|<=|< NUMBER [unstable|failure]',"
                    + " e.g. 'evaluation/metrics.json:acc change >= -0.01' (the accuracy may drop by 0.01 at most) or"
                    + " 'evaluation/metrics.json:loss value < 0.3 unstable'. 'change' is the workspace's value minus"
                    + " the baseline's, 'value' the workspace's; the criticality is failure when left out. A metric"
                    + " missing on either side, or not a number, fails the gate.")
    List<String> gateTexts = new ArrayList<>();

    @Option(
            names = "--fail-on-unstable",
            description = "Exit 3 when an unstable gate fails too (default: a warning, exit 0).")
    boolean failOnUnstable;

    @Override
    public Integer call() throws CommandFailure {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<QualityGate> gates = gateTexts.stream()
                .map(text -> QualityGate.parse("--gate", text))
                .toList();
        try (DvcRepository repo = repository.open()) {
            Path target = repository.directory.resolve(out);
            FileProblem.requireWritableDirectory("--out", target);
            ReportContent content = new ExperimentReport(repo).write(baseline, target, null, gates);
            ProjectWarnings.emptyDvcYaml(repo).ifPresent(err::println);
            content.warnings().forEach(err::println);
            content.optionalNoBaseline()
                    .ifPresent(reason ->
                            err.println("No baseline (" + reason + "): the report shows the current metrics only."));
            stdout.println("Report written to " + target.resolve("report.md") + " (and report.html, *.json, plots/)");
            return gateExitCode(content.gates(), stdout, err);
        } catch (IOException e) {
            throw new CommandFailure("cannot write the report to " + out + ": " + FileProblem.reason(e), e);
        }
    }

    /** One line per gate and the summary on standard output; the exit code the gates call for. */
    private int gateExitCode(QualityGateReport gates, PrintWriter stdout, PrintWriter err) {
        if (gates.isEmpty()) {
            stdout.flush();
            return 0;
        }
        gates.results().forEach(result -> stdout.println("Quality gate " + result.line()));
        stdout.println(gates.summary());
        stdout.flush();
        GateStatus status = gates.overallStatus();
        if (status == GateStatus.FAILED || (status == GateStatus.WARNING && failOnUnstable)) {
            return GATE_FAILED;
        }
        if (status == GateStatus.WARNING) {
            err.println("warning: " + gates.count(GateStatus.WARNING)
                    + " unstable quality gate(s) failed; exit 0 (--fail-on-unstable exits 3)");
            err.flush();
        }
        return 0;
    }
}
