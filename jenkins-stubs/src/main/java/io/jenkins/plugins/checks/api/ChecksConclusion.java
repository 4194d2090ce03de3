package io.jenkins.plugins.checks.api;

/** Compile-only stub of {@code io.jenkins.plugins.checks.api.ChecksConclusion} (checks-api plugin). */
public enum ChecksConclusion {
    NONE,
    ACTION_REQUIRED,
    SKIPPED,
    CANCELED,
    TIME_OUT,
    FAILURE,
    NEUTRAL,
    SUCCESS
}
