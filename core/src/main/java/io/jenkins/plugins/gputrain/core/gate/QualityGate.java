package io.jenkins.plugins.gputrain.core.gate;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One quality gate on a metric: it passes when the metric's {@link GateType change or value} compared with the
 * threshold by the operator holds, e.g. {@code evaluation/metrics.json:acc change >= -0.01}; when it does not hold,
 * or cannot be checked (metric missing, not a number), its criticality decides whether the build is unstable or fails.
 *
 * @param metric the metric checked
 * @param type what is compared: the change against the baseline or the workspace's value
 * @param operator how it is compared with the threshold
 * @param threshold the threshold, exactly as written
 * @param criticality what a gate that is not met does to the build
 */
public record QualityGate(
        MetricReference metric, GateType type, GateOperator operator, BigDecimal threshold, Criticality criticality)
        implements Serializable {
    /** The gate's type when none is given. */
    public static final GateType DEFAULT_TYPE = GateType.CHANGE;

    /** The gate's operator when none is given. */
    public static final GateOperator DEFAULT_OPERATOR = GateOperator.AT_LEAST;

    /** The gate's criticality when none is given. */
    public static final Criticality DEFAULT_CRITICALITY = Criticality.FAILURE;

    /** The syntax {@link #parse} reads, for help texts and messages. */
    public static final String SYNTAX = "'FILE:KEY change|value >=|>|<=|< NUMBER [unstable|failure]'";

    /** Checks the parts. */
    public QualityGate {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(criticality, "criticality");
    }

    /**
     * A gate from the fields of a Jenkinsfile; every message names the gate by its metric.
     *
     * @param metric {@code FILE:KEY}
     * @param type {@code change} or {@code value}; blank for {@link #DEFAULT_TYPE}
     * @param operator {@code >=}, {@code >}, {@code <=} or {@code <}; blank for {@link #DEFAULT_OPERATOR}
     * @param threshold a number as {@link Threshold#of} reads it: the decimal as written, {@code -0.01} for
     *     {@code -0.01}; {@code null} is refused as missing
     * @param criticality {@code unstable} or {@code failure}; blank for {@link #DEFAULT_CRITICALITY}
     * @return the gate
     * @throws InvalidSpecException naming the gate and the field that is wrong
     */
    public static QualityGate of(String metric, String type, String operator, Number threshold, String criticality) {
        return of(metric, type, operator, criticality, field -> Threshold.of(field, threshold));
    }

    /**
     * A gate from the fields as typed on the configuration page or in Configuration-as-Code; every message names the
     * gate by its metric.
     *
     * @param metric {@code FILE:KEY}
     * @param type {@code change} or {@code value}; blank for {@link #DEFAULT_TYPE}
     * @param operator {@code >=}, {@code >}, {@code <=} or {@code <}; blank for {@link #DEFAULT_OPERATOR}
     * @param threshold the threshold's text as {@link Threshold#parse} reads it; blank or {@code null} is refused as
     *     missing
     * @param criticality {@code unstable} or {@code failure}; blank for {@link #DEFAULT_CRITICALITY}
     * @return the gate
     * @throws InvalidSpecException naming the gate and the field that is wrong, quoting the text for the threshold
     */
    public static QualityGate ofText(
            String metric, String type, String operator, String threshold, String criticality) {
        return of(metric, type, operator, criticality, field -> Threshold.parse(field, threshold));
    }

    private static QualityGate of(
            String metric, String type, String operator, String criticality, Function<String, BigDecimal> threshold) {
        String gate = "quality gate '" + (metric == null ? "" : metric.strip()) + "'";
        MetricReference reference = MetricReference.parse(gate + " metric", metric);
        return new QualityGate(
                reference,
                blank(type) ? DEFAULT_TYPE : type(gate + " type", type, type),
                blank(operator) ? DEFAULT_OPERATOR : operator(gate + " operator", operator, operator),
                threshold.apply(gate + " threshold"),
                blank(criticality)
                        ? DEFAULT_CRITICALITY
                        : criticality(gate + " criticality", criticality, criticality));
    }

    /**
     * Reads a gate as written on the command line: {@code FILE:KEY TYPE OPERATOR THRESHOLD [CRITICALITY]}, words
     * separated by spaces, e.g. {@code evaluation/metrics.json:acc change >= -0.01} or
     * {@code metrics.json:loss value < 0.3 unstable}; the criticality is {@link #DEFAULT_CRITICALITY} when left out.
     *
     * @param field the option named in messages, e.g. {@code --gate}
     * @param text the gate
     * @return the gate
     * @throws InvalidSpecException naming the option, the gate and the part that is wrong
     */
    public static QualityGate parse(String field, String text) {
        String value = text == null ? "" : text.strip();
        String[] words = value.isEmpty() ? new String[0] : value.split("\\s+");
        int end = words.length;
        Criticality criticality = DEFAULT_CRITICALITY;
        if (end > 0 && isCriticality(words[end - 1])) {
            criticality = criticality(field, value, words[--end]);
        }
        if (end < 4) {
            throw new InvalidSpecException(
                    field, value, "expected a metric, a type, an operator and a threshold", SYNTAX);
        }
        BigDecimal threshold = Threshold.parse(field, value, words[end - 1]);
        GateOperator operator = operator(field, value, words[end - 2]);
        GateType type = type(field, value, words[end - 3]);
        MetricReference metric = MetricReference.parse(field, String.join(" ", Arrays.copyOfRange(words, 0, end - 3)));
        return new QualityGate(metric, type, operator, threshold, criticality);
    }

    /** The gate as {@link #parse} reads it, e.g. {@code evaluation/metrics.json:acc change >= -0.01 failure}. */
    public String describe() {
        return metric + " " + type.value() + " " + operator.symbol() + " " + threshold.toPlainString() + " "
                + criticality.value();
    }

    /** The condition without the criticality, e.g. {@code evaluation/metrics.json:acc change >= -0.01}. */
    public String condition() {
        return metric + " " + type.value() + " " + operator.symbol() + " " + threshold.toPlainString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean isCriticality(String word) {
        return Arrays.stream(Criticality.values()).anyMatch(c -> c.value().equalsIgnoreCase(word));
    }

    private static GateType type(String field, String input, String word) {
        return choice(field, input, word, "gate type", GateType.values(), GateType::value);
    }

    private static GateOperator operator(String field, String input, String word) {
        return choice(field, input, word, "operator", GateOperator.values(), GateOperator::symbol);
    }

    private static Criticality criticality(String field, String input, String word) {
        return choice(field, input, word, "criticality", Criticality.values(), Criticality::value);
    }

    /** The value spelt {@code word} (any case), or a message naming {@code what} and listing the spellings. */
    private static <T> T choice(
            String field, String input, String word, String what, T[] values, Function<T, String> spelling) {
        String wanted = word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values)
                .filter(value -> spelling.apply(value).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidSpecException(
                        field,
                        input,
                        "unknown " + what + (word.equals(input) ? "" : " '" + word + "'"),
                        "one of " + Arrays.stream(values).map(spelling).collect(Collectors.joining(", "))));
    }
}
