package org.jenkins.ui.icon;

/** Compile-only stub of {@code org.jenkins.ui.icon.IconSpec}. */
public interface IconSpec {}
