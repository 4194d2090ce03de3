package hudson.model;

import hudson.search.SearchableModelObject;

/** Compile-only stub of {@code hudson.model.AbstractModelObject}. */
public abstract class AbstractModelObject implements SearchableModelObject {}
