package hudson.tasks;

/** Compile-only stub of {@code hudson.tasks.BuildStep}. */
public interface BuildStep {}
