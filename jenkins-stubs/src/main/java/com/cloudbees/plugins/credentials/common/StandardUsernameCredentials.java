package com.cloudbees.plugins.credentials.common;

/** Compile-only stub of {@code com.cloudbees.plugins.credentials.common.StandardUsernameCredentials}. */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
