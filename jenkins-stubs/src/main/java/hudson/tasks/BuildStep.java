package hudson.tasks;

/** Compile-only stub of {@code hudson.tasks.BuildStep}. */
public interface BuildStep {
    default BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
