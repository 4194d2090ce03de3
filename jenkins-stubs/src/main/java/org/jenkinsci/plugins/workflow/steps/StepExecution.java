package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Compile-only stub of {@code org.jenkinsci.plugins.workflow.steps.StepExecution}. */
public abstract class StepExecution implements Serializable {
    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
