package hudson.tasks;

/** Compile-only stub of {@code hudson.tasks.BuildStepMonitor}. */
public enum BuildStepMonitor {
    NONE,
    STEP,
    BUILD;
}
