package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;

/** Compile-only stub of {@code org.jenkinsci.plugins.plaincredentials.FileCredentials} (plain-credentials plugin). */
public interface FileCredentials extends StandardCredentials {}
