package org.kohsuke.stapler;

/** Compile-only stub of {@code org.kohsuke.stapler.StaplerOverridable}. */
public interface StaplerOverridable {}
