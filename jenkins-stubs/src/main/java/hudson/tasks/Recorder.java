package hudson.tasks;

import hudson.ExtensionPoint;

/** Compile-only stub of {@code hudson.tasks.Recorder}. */
public abstract class Recorder extends Publisher implements ExtensionPoint {
    protected Recorder() {}
}
