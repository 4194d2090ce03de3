package org.kohsuke.stapler;

/** Compile-only stub of {@code org.kohsuke.stapler.HttpResponse}. */
public interface HttpResponse {}
