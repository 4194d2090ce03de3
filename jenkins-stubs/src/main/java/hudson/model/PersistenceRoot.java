package hudson.model;

/** Compile-only stub of {@code hudson.model.PersistenceRoot}. */
public interface PersistenceRoot extends Saveable {}
