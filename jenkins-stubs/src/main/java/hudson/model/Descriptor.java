package hudson.model;

import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;

/** Compile-only stub of {@code hudson.model.Descriptor}. */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
    protected Descriptor() {}

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
