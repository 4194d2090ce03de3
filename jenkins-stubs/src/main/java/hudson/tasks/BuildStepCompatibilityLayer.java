package hudson.tasks;

/** Compile-only stub of {@code hudson.tasks.BuildStepCompatibilityLayer}. */
@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {}
