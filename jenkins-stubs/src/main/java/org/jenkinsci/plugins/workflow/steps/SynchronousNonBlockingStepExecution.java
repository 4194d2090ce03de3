package org.jenkinsci.plugins.workflow.steps;

/** Compile-only stub of {@code org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution}. */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    protected abstract T run() throws Exception;
}
