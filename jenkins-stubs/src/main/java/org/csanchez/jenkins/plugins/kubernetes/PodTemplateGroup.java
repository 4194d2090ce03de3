package org.csanchez.jenkins.plugins.kubernetes;

/** Compile-only stub of {@code org.csanchez.jenkins.plugins.kubernetes.PodTemplateGroup}. */
public interface PodTemplateGroup {}
