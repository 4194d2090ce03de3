package hudson.model;

/** Compile-only stub of {@code hudson.model.BuildListener}. */
public interface BuildListener extends TaskListener {}
