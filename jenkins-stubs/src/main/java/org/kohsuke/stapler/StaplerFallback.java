package org.kohsuke.stapler;

/** Compile-only stub of {@code org.kohsuke.stapler.StaplerFallback}. */
public interface StaplerFallback {}
