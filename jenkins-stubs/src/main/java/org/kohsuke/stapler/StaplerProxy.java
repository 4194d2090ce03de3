package org.kohsuke.stapler;

/** Compile-only stub of {@code org.kohsuke.stapler.StaplerProxy}. */
public interface StaplerProxy {}
