package com.cloudbees.plugins.credentials.common;

/** Compile-only stub of {@code com.cloudbees.plugins.credentials.common.StandardCredentials}. */
public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
