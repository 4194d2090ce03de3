package hudson.tasks;

import hudson.model.Describable;

/** Compile-only stub of {@code hudson.tasks.Publisher}. */
public abstract class Publisher extends BuildStepCompatibilityLayer implements Describable<Publisher> {
    @Deprecated
    protected Publisher() {}
}
