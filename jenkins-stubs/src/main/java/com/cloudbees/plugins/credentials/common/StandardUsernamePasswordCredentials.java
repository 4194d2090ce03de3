package com.cloudbees.plugins.credentials.common;

/** Compile-only stub of {@code com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials}. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {}
