package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;

/** Compile-only stub of {@code org.jenkinsci.plugins.plaincredentials.StringCredentials} (plain-credentials plugin). */
public interface StringCredentials extends StandardCredentials {}
