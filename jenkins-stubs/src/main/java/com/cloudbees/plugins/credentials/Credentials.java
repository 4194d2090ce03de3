package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Compile-only stub of {@code com.cloudbees.plugins.credentials.Credentials} (credentials plugin). */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {}
