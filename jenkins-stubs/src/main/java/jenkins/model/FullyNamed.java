package jenkins.model;

/** Compile-only stub of {@code jenkins.model.FullyNamed}. */
public interface FullyNamed {}
