package io.jenkins.plugins.checks.api;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/** Compile-only stub of {@code io.jenkins.plugins.checks.api.ChecksPublisherFactory} (checks-api plugin). */
public abstract class ChecksPublisherFactory implements ExtensionPoint {
    public static ChecksPublisher fromRun(Run<?, ?> run, TaskListener listener) {
        throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
    }
}
