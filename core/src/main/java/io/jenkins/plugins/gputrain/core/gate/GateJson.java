package io.jenkins.plugins.gputrain.core.gate;

import io.jenkins.plugins.gputrain.core.dvc.render.PythonJson;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code quality-gates.json}: {@code {"status": …, "gates": [{"metric": …, "type": …, "operator": …, "threshold": …,
 * "criticality": …, "status": …, "finding": …, "baseline": …, "workspace": …, "observed": …}, …]}}, one line, in the
 * JSON style of the bundle's other files; values missing are {@code null}.
 */
public final class GateJson {
    private GateJson() {}

    /**
     * Writes the results.
     *
     * @param report the gates' results
     * @return one line, without a line break
     */
    public static String of(QualityGateReport report) {
        PythonJson json = new PythonJson().beginObject();
        json.key("status").value(text(report.overallStatus().label()));
        json.key("gates")
                .value(Value.Seq.list(
                        report.results().stream().map(GateJson::result).toList()));
        return json.endObject().toString();
    }

    private static Value result(GateResult result) {
        QualityGate gate = result.gate();
        Map<String, Value> entries = new LinkedHashMap<>();
        entries.put("metric", text(gate.metric().toString()));
        entries.put("type", text(gate.type().value()));
        entries.put("operator", text(gate.operator().symbol()));
        entries.put("threshold", number(gate.threshold()));
        entries.put("criticality", text(gate.criticality().value()));
        entries.put("status", text(result.status().label()));
        entries.put("finding", text(result.finding().name().toLowerCase(Locale.ROOT)));
        entries.put("baseline", text(result.baselineValue()));
        entries.put("workspace", text(result.workspaceValue()));
        entries.put("observed", result.optionalObserved().map(GateJson::number).orElse(Value.None.NONE));
        return new Value.Dict(entries);
    }

    private static Value text(String text) {
        return text == null ? Value.None.NONE : new Value.Str(text);
    }

    private static Value number(BigDecimal number) {
        BigDecimal plain = number.stripTrailingZeros();
        return plain.scale() <= 0 ? new Value.Int(plain.toBigIntegerExact()) : new Value.Float(plain.doubleValue());
    }
}
