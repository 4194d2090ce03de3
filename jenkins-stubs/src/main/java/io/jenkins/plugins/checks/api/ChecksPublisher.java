package io.jenkins.plugins.checks.api;

/** Compile-only stub of {@code io.jenkins.plugins.checks.api.ChecksPublisher} (checks-api plugin). */
public abstract class ChecksPublisher {
    public abstract void publish(ChecksDetails details);
}
