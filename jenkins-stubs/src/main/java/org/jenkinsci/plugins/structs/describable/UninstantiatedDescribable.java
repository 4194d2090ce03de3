package org.jenkinsci.plugins.structs.describable;

import java.io.Serializable;
import java.util.Map;

/**
 * Compile-only stub of {@code org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable} (structs plugin):
 * what a Pipeline's {@code qualityGate(metric: …)} is when no step takes it. It holds the three values it is made
 * of, as the real class does, so that tests can build the object workflow-cps' DSL hands to {@code gpuTrain}.
 */
public class UninstantiatedDescribable implements Serializable {
    public static final String ANONYMOUS_KEY = "<anonymous>";

    private static final long serialVersionUID = 1L;

    private String symbol;
    private String klass;
    private final Map<String, ?> arguments;

    public UninstantiatedDescribable(String symbol, String klass, Map<String, ?> arguments) {
        this.symbol = symbol;
        this.klass = klass;
        this.arguments = arguments;
    }

    public String getSymbol() {
        return symbol;
    }

    public String getKlass() {
        return klass;
    }

    public Map<String, ?> getArguments() {
        return arguments;
    }
}
