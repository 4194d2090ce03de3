package jenkins.model;

import hudson.model.ModelObject;

/** Compile-only stub of {@code jenkins.model.FullyNamedModelObject}. */
public interface FullyNamedModelObject extends ModelObject {}
