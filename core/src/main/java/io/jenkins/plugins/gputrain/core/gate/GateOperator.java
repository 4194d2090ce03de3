package io.jenkins.plugins.gputrain.core.gate;

import java.math.BigDecimal;

/** How a quality gate compares the observed number with its threshold: the gate passes when the comparison holds. */
public enum GateOperator {
    /** {@code >=}: at least the threshold (e.g. an accuracy that may drop by at most 0.01: {@code change >= -0.01}). */
    AT_LEAST(">="),
    /** {@code >}: more than the threshold. */
    MORE_THAN(">"),
    /** {@code <=}: at most the threshold (e.g. a loss that may grow by at most 0.05: {@code change <= 0.05}). */
    AT_MOST("<="),
    /** {@code <}: less than the threshold. */
    LESS_THAN("<");

    private final String symbol;

    GateOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written: {@code >=}, {@code >}, {@code <=} or {@code <}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code observed <operator> threshold} holds. */
    public boolean holds(BigDecimal observed, BigDecimal threshold) {
        int order = observed.compareTo(threshold);
        return switch (this) {
            case AT_LEAST -> order >= 0;
            case MORE_THAN -> order > 0;
            case AT_MOST -> order <= 0;
            case LESS_THAN -> order < 0;
        };
    }
}
