package org.jenkinsci.remoting;

/** Compile-only stub of {@code org.jenkinsci.remoting.RoleSensitive}. */
public interface RoleSensitive {}
