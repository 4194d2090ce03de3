package jenkins.triggers;

import hudson.model.Item;

/** Compile-only stub of {@code jenkins.triggers.TriggeredItem}. */
public interface TriggeredItem extends Item {}
