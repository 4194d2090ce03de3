package io.jenkins.plugins.checks.api;

/** Compile-only stub of {@code io.jenkins.plugins.checks.api.ChecksStatus} (checks-api plugin). */
public enum ChecksStatus {
    NONE,
    QUEUED,
    IN_PROGRESS,
    COMPLETED
}
