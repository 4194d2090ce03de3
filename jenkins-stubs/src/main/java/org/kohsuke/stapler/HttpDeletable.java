package org.kohsuke.stapler;

/** Compile-only stub of {@code org.kohsuke.stapler.HttpDeletable}. */
public interface HttpDeletable {}
