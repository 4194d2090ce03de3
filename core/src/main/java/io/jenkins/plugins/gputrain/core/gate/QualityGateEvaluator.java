package io.jenkins.plugins.gputrain.core.gate;

import io.jenkins.plugins.gputrain.core.dvc.diff.Difference;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.Flattener;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonFloat;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates quality gates on a report's metrics: the metrics diff against the baseline (changed metrics only, as
 * {@code dvc metrics diff} gives it) and the workspace's metrics ({@code dvc metrics show}), so a metric that did not
 * change compares with a change of 0. Numbers compare as the decimals the files hold ({@code int} and {@code float}
 * alike, so {@code 0.93 - 0.94} is exactly {@code -0.01}); a metric missing on either side, or a value that is not a
 * finite {@code int} or {@code float}, is reported, never passed; so is a metrics file that could not be read, with
 * the reason.
 */
public final class QualityGateEvaluator {
    private final boolean hasBaseline;
    private final List<FileDifferences> metricsDiff;
    private final RevisionData baselineMetrics;
    private final RevisionData workspaceMetrics;

    /**
     * An evaluator over one report's metrics.
     *
     * @param hasBaseline whether the baseline revision resolved (without one, {@link GateType#CHANGE} gates report
     *     {@link Finding#NO_BASELINE})
     * @param metricsDiff the metrics diff, workspace against baseline
     * @param baselineMetrics what reading the baseline's metrics gave, for its unreadable files (empty when the diff
     *     came from DVC's own JSON, which names none)
     * @param workspaceMetrics the workspace's metrics
     */
    public QualityGateEvaluator(
            boolean hasBaseline,
            List<FileDifferences> metricsDiff,
            RevisionData baselineMetrics,
            RevisionData workspaceMetrics) {
        this.hasBaseline = hasBaseline;
        this.metricsDiff = List.copyOf(metricsDiff);
        this.baselineMetrics = baselineMetrics;
        this.workspaceMetrics = workspaceMetrics;
    }

    /**
     * Evaluates the gates.
     *
     * @param gates the gates, in the order to report them
     * @return one result per gate
     */
    public QualityGateReport evaluate(List<QualityGate> gates) {
        return new QualityGateReport(gates.stream().map(this::evaluate).toList());
    }

    private GateResult evaluate(QualityGate gate) {
        Optional<Value> workspace = workspaceValue(gate.metric());
        Optional<Difference> difference = difference(gate.metric());
        Value current = difference.map(Difference::current).or(() -> workspace).orElse(Value.None.NONE);
        if (gate.type() == GateType.VALUE) {
            return compare(gate, null, current, number(current), Finding.NOT_A_NUMBER_IN_WORKSPACE);
        }
        if (!hasBaseline) {
            return new GateResult(gate, Finding.NO_BASELINE, null, shown(current), null);
        }
        // a metric of the workspace that the diff does not list did not change
        Value old = difference.map(Difference::old).or(() -> workspace).orElse(Value.None.NONE);
        if (current instanceof Value.None) {
            return missingInWorkspace(gate, shown(old));
        }
        if (old instanceof Value.None) {
            return unreadable(baselineMetrics, gate.metric())
                    .map(reason -> GateResult.unreadable(gate, Finding.UNREADABLE_IN_BASELINE, reason))
                    .orElseGet(() -> new GateResult(gate, Finding.MISSING_IN_BASELINE, null, shown(current), null));
        }
        Optional<BigDecimal> oldNumber = number(old);
        if (oldNumber.isEmpty()) {
            return new GateResult(gate, Finding.NOT_A_NUMBER_IN_BASELINE, old.str(), shown(current), null);
        }
        return compare(
                gate,
                old,
                current,
                number(current).map(value -> value.subtract(oldNumber.get())),
                Finding.NOT_A_NUMBER_IN_WORKSPACE);
    }

    private GateResult compare(
            QualityGate gate, Value old, Value current, Optional<BigDecimal> observed, Finding notANumber) {
        String baseline = old == null ? null : old.str();
        if (current instanceof Value.None) {
            return missingInWorkspace(gate, baseline);
        }
        if (observed.isEmpty()) {
            return new GateResult(gate, notANumber, baseline, current.str(), null);
        }
        BigDecimal number = observed.get().stripTrailingZeros();
        Finding finding = gate.operator().holds(number, gate.threshold()) ? Finding.MET : Finding.NOT_MET;
        return new GateResult(gate, finding, baseline, current.str(), number.scale() < 0 ? number.setScale(0) : number);
    }

    private GateResult missingInWorkspace(QualityGate gate, String baseline) {
        return unreadable(workspaceMetrics, gate.metric())
                .map(reason -> GateResult.unreadable(gate, Finding.UNREADABLE_IN_WORKSPACE, reason))
                .orElseGet(() -> new GateResult(gate, Finding.MISSING_IN_WORKSPACE, baseline, null, null));
    }

    /** Why the revision's metrics file could not be read ({@code JSONFileCorruptedError: …}), if it could not. */
    private static Optional<String> unreadable(RevisionData revision, MetricReference metric) {
        Optional<FileResult.Failure> failure = revision.files().get(metric.file()) instanceof FileResult.Failure file
                ? Optional.of(file)
                : revision.optionalError();
        return failure.map(f -> f.type() + ": " + f.message());
    }

    private Optional<Difference> difference(MetricReference metric) {
        return metricsDiff.stream()
                .filter(file -> file.path().equals(metric.file()))
                .flatMap(file -> file.differences().stream())
                .filter(difference -> difference.key().equals(metric.key()))
                .findFirst();
    }

    private Optional<Value> workspaceValue(MetricReference metric) {
        if (workspaceMetrics.files().get(metric.file()) instanceof FileResult.Data data
                && data.value() instanceof Value.Dict dict) {
            return Optional.ofNullable(Flattener.flatten(dict).get(metric.key()));
        }
        return Optional.empty();
    }

    /** A finite {@code int} or {@code float} as the decimal the file holds; booleans are not numbers here. */
    static Optional<BigDecimal> number(Value value) {
        if (value instanceof Value.Int integer) {
            return Optional.of(new BigDecimal(integer.value()));
        }
        if (value instanceof Value.Float real && Double.isFinite(real.value())) {
            return Optional.of(new BigDecimal(PythonFloat.repr(real.value())));
        }
        return Optional.empty();
    }

    private static String shown(Value value) {
        return value instanceof Value.None ? null : value.str();
    }
}
