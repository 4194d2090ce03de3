package com.cloudbees.plugins.credentials.common;

/** Compile-only stub of {@code com.cloudbees.plugins.credentials.common.UsernamePasswordCredentials}. */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {}
