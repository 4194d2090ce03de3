package jenkins.model;

import hudson.model.ModelObject;

/** Compile-only stub of {@code jenkins.model.ModelObjectWithContextMenu}. */
public interface ModelObjectWithContextMenu extends ModelObject {}
