package hudson.model;

import hudson.ExtensionPoint;

/** Compile-only stub of {@code hudson.model.TopLevelItem}. */
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {}
