package hudson.search;

import hudson.model.ModelObject;

/** Compile-only stub of {@code hudson.search.SearchableModelObject}. */
public interface SearchableModelObject extends ModelObject, SearchItem {}
