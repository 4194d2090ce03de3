package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

/** Compile-only stub of {@code com.cloudbees.plugins.credentials.common.PasswordCredentials}. */
public interface PasswordCredentials extends Credentials {
    Secret getPassword();
}
