package hudson.model;

/** Compile-only stub of {@code hudson.model.ResourceActivity}. */
public interface ResourceActivity extends ModelObject {}
