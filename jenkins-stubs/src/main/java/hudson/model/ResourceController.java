package hudson.model;

/** Compile-only stub of {@code hudson.model.ResourceController}. */
public class ResourceController {}
