package hudson.model;

import hudson.security.AccessControlled;

/** Compile-only stub of {@code hudson.model.ViewGroup}. */
public interface ViewGroup extends Saveable, ModelObject, AccessControlled {}
