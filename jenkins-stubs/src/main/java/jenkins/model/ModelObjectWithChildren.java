package jenkins.model;

import hudson.model.ModelObject;

/** Compile-only stub of {@code jenkins.model.ModelObjectWithChildren}. */
public interface ModelObjectWithChildren extends ModelObject {}
