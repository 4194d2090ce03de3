package jenkins.model;

import hudson.model.ModifiableItemGroup;
import hudson.model.TopLevelItem;

/** Compile-only stub of {@code jenkins.model.ModifiableTopLevelItemGroup}. */
public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup<TopLevelItem> {}
