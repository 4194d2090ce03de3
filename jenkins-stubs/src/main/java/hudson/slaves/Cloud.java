package hudson.slaves;

import hudson.ExtensionPoint;
import hudson.model.Actionable;
import hudson.model.Describable;
import hudson.security.AccessControlled;

/** Compile-only stub of {@code hudson.slaves.Cloud}. */
public abstract class Cloud extends Actionable implements ExtensionPoint, Describable<Cloud>, AccessControlled {
    protected Cloud(String name) {}

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public String name;
}
